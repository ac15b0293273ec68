import KaopingSyntax

/// `define name = expression`: each use of the name is its expression, read where the use is — `rating` in a
/// definition used over reviews is the column of reviews. A problem inside a definition is reported in it, once.
extension Checker {
    /// Gathers every `define` of every file (a name defined twice, or also a parameter, is K0250).
    mutating func gatherDefinitions() {
        for (declarationFile, declaration, damaged) in declarations {
            guard case .definition(let definition) = declaration else { continue }
            fileIndex = declarationFile
            let name = definition.name.text
            if definitions[name] != nil || parameters[name] != nil {
                report(
                    "K0250", definition.name.range, zh: "名称“\(name)”重复定义", en: "the name `\(name)` is defined twice",
                    hint: "参数和定义的名称不能相同", hintEn: "parameters and definitions need names of their own")
                continue
            }
            definitions[name] = DefinitionEntry(file: declarationFile, declaration: definition, damaged: damaged)
        }
    }

    /// The expression a defined name stands for, checked where it is used (`context`); `nil` when `name` names
    /// no definition.
    mutating func expandDefinition(_ name: Name, in context: ExpressionContext) -> Typed? {
        guard var entry = definitions[name.text] else { return nil }
        entry.used = true
        definitions[name.text] = entry
        // (What could not be parsed is not checked: its uses are quiet.)
        if entry.damaged { return .invalid }
        guard !expanding.contains(name.text) else {
            report(
                "K0239", name.range, zh: "定义“\(name.text)”用到了它自己", en: "the definition `\(name.text)` uses itself",
                hint: "定义不能直接或间接地引用自身", hintEn: "a definition cannot use itself, directly or through others")
            return .invalid
        }
        expanding.insert(name.text)
        let (useFile, errors) = (fileIndex, errorCount)
        fileIndex = entry.file
        let typed = checkExpression(entry.declaration.value, in: context)
        fileIndex = useFile
        expanding.remove(name.text)
        if errorCount > errors {
            // The problem is in the definition, but it comes from reading it here.
            report(
                "K0212", name.range, severity: .note, zh: "定义“\(name.text)”在这里使用", en: "the definition `\(name.text)` is used here")
        }
        return typed
    }

    /// A definition nothing uses (K0255, as for a parameter): it was meant for a rule that does not say its name.
    mutating func reportUnusedDefinitions() {
        guard !hasParseErrors else { return }
        for (name, entry) in definitions.sorted(by: { $0.key < $1.key }) where !entry.used {
            fileIndex = entry.file
            report(
                "K0255", entry.declaration.name.range, severity: .warning, zh: "定义“\(name)”没有被使用",
                en: "the definition `\(name)` is never used",
                hint: "删除它，或在规则中引用它", hintEn: "remove it or use it in a rule")
        }
    }
}

/// A `define` of a rule file, with where it is and whether anything used it.
struct DefinitionEntry {
    var file: Int
    var declaration: DefinitionDeclaration
    var damaged: Bool
    var used = false
}
