import Foundation
import KaopingStore
import KaopingSyntax

/// Plain sentences about the paths a user names on the command line. Each names the path, says what is wrong
/// with it and what to do, and never shows a Foundation error domain or code: every filesystem error of a
/// command goes through `failure(_:path:role:writing:advice:otherwise:)` (or `reading(_:role:_:)`, or `plain(_:)`
/// at the last), and the `require…` checks run before a command starts its work, so a mistaken path is reported
/// at once rather than after an assessment.
///
/// A `role` is how the sentence names the path: an option (`--db`, `--out`) or a positional argument
/// ("the rule file"); it comes just before the path: "--out kaoping-demo/results.json is a file, not a folder".
enum PathProblem {
    /// The path of the demo store, for advice.
    static let demoStore = "kaoping-demo/demo.sqlite"

    /// `path` must be a rule file: it exists and is not a folder.
    static func requireRuleFile(_ path: String, role: String = "the rule file") throws {
        try requireFile(
            path, role: role, extension: ".rules", excluding: ".test.rules",
            missing: "check the path (the shipped rules are in Rules/, such as Rules/jiangsu-2024.rules)",
            folder: "name one rule file (.rules)")
    }

    /// `db` must be a store file — it exists and is not a folder (whether it is a Kaoping store is the store's own
    /// check, when it is opened) — unless it is a PostgreSQL connection string, which the store's opening checks (the
    /// server, the database, the mark).
    static func requireStore(_ db: String, role: String = "--db") throws {
        guard !AssessedStore.isConnectionString(db) else { return }
        try requireFile(
            db, role: role, extension: ".sqlite", excluding: nil,
            missing: "name a Kaoping store (`kaoping demo` writes one to \(demoStore))",
            folder: "name a store file (`kaoping demo` writes one to \(demoStore))")
    }

    /// `path` must be a results document: it exists and is not a folder.
    static func requireResults(_ path: String, role: String) throws {
        try requireFile(
            path, role: role, extension: ".json", excluding: nil, missing: "name a results.json that `kaoping run` wrote",
            folder: "name the results.json in it")
    }

    /// Whether `path` is an existing folder.
    static func isFolder(_ path: String) -> Bool { kind(of: path) == .folder }

    /// `path` must be a mapping file.
    static func requireMapping(_ path: String, role: String = "--mapping") throws {
        try requireFile(
            path, role: role, extension: ".mapping", excluding: nil,
            missing: "name a mapping file (the shipped ones are in Rules/mappings/)", folder: "name the mapping file in it")
    }

    /// `path` must be a key file (`--pii-key`).
    static func requireKey(_ path: String) throws {
        try requireFile(
            path, role: "--pii-key", extension: ".key", excluding: nil, missing: "make one with: openssl rand -hex 32 > office.key",
            folder: "name the key file in it")
    }

    /// `path` must be a data file to import.
    static func requireData(_ path: String) throws {
        try requireFile(
            path, role: "the file", extension: ".csv", excluding: nil, missing: "check the path", folder: "name the files in it")
    }

    /// `path` must be an existing folder to read from.
    static func requireFolder(_ path: String, role: String, advice: String) throws {
        switch kind(of: path) {
        case .folder: return
        case .file: throw CommandFailure("\(role) \(path) is a file, not a folder: \(advice)")
        case .missing: throw CommandFailure("\(role) \(path) does not exist: \(advice)")
        }
    }

    /// `path` must be a folder that can be written to, or one that can be created: it is not a file, and the
    /// nearest folder above it that exists is a folder that is writable. Nothing is created.
    /// `contents` says what goes into it ("the results").
    static func requireOutputFolder(_ path: String, role: String = "--out", contents: String) throws {
        let advice = "name a folder to write \(contents) into"
        let writable = "name a folder you may write \(contents) into"
        switch kind(of: path) {
        case .folder:
            guard access(path, W_OK) == 0 else {
                throw CommandFailure("\(role) \(path) is not writable (\(reason(errno))): \(writable)")
            }
        case .file:
            throw CommandFailure("\(role) \(path) is a file, not a folder: \(advice)")
        case .missing:
            var above = path
            repeat {
                let parent = (above as NSString).deletingLastPathComponent
                above = parent.isEmpty ? "." : parent
            } while kind(of: above) == .missing && above != "/" && above != "."
            switch kind(of: above) {
            case .file:
                throw CommandFailure("\(role) \(path) cannot be created: \(above) is a file, not a folder: \(advice)")
            case .folder where access(above, W_OK) != 0:
                throw CommandFailure(
                    "\(role) \(path) cannot be created: \(above) is not writable (\(reason(errno))): \(writable)")
            default: return
            }
        }
    }

    /// Creates the output folder `path` (and the folders above it), with a plain sentence when it cannot.
    static func createFolder(_ path: String, role: String = "--out", contents: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            try requireOutputFolder(path, role: role, contents: contents)
            // What is in the way was said above; the system refused for another reason (a read-only place, /proc).
            let code = posixCode(of: error)
            let why =
                code.map { $0 == ENOENT ? "the system refused to create it (\(String(cString: strerror($0)).lowercased()))" : reason($0) }
                ?? "the system refused"
            throw CommandFailure("\(role) \(path) cannot be created: \(why): name another folder to write \(contents) into")
        }
    }

    /// The sentence for `error`, raised reading (or with `writing`, writing) `path`: what could not be done,
    /// why, and what to do — `advice`, or what fits the reason, followed by `otherwise` ("or name another --out").
    static func failure(
        _ error: Error, path: String, role: String? = nil, writing: Bool, advice: String? = nil, otherwise: String? = nil
    ) -> CommandFailure {
        let named = role.map { "\($0) \(path)" } ?? path
        let code = posixCode(of: error)
        let why = code.map(reason) ?? "the system refused to \(writing ? "write" : "read") it"
        var what = advice ?? code.map { remedy($0, writing: writing) } ?? "check the path and its permissions"
        if let otherwise { what += ", or \(otherwise)" }
        return CommandFailure("cannot \(writing ? "write" : "read") \(named): \(why): \(what)")
    }

    /// Runs `body`, which reads `path`, turning a filesystem error into the sentence of
    /// `failure(_:path:role:writing:advice:otherwise:)`; other errors (a malformed calendar line) pass as they are.
    static func reading<T>(_ path: String, role: String? = nil, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error where isFilesystemError(error) {
            throw failure(error, path: path, role: role, writing: false)
        }
    }

    /// `error` in one plain sentence: a command's own failure as it is; a Foundation filesystem error as a
    /// sentence about the path it names; anything else as it describes itself.
    static func plain(_ error: Error) -> String {
        if let failure = error as? CommandFailure { return failure.description }
        if let store = error as? StoreError {
            switch store {
            case .missing, .notAStore: return "\(store): name a Kaoping store (`kaoping demo` writes one to \(demoStore))"
            default: return store.description
            }
        }
        if isFilesystemError(error) {
            let info = (error as NSError).userInfo
            let path = info[NSFilePathErrorKey] as? String ?? (info[NSURLErrorKey] as? URL)?.path ?? "a file"
            let code = (error as NSError).code
            return failure(error, path: path, writing: code >= 512 && code < 1024).description
        }
        return String(describing: error)
    }

    /// Whether `error` comes from Foundation's file functions (or is an `errno`).
    static func isFilesystemError(_ error: Error) -> Bool {
        if error is CocoaError || error is POSIXError { return true }
        let domain = (error as NSError).domain
        return domain == NSCocoaErrorDomain || domain == NSPOSIXErrorDomain
    }

    /// `errno` as an error, for the functions that set it (`rename(2)`).
    static func posixError(_ code: Int32) -> POSIXError {
        POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
    }

    // MARK: - Details

    private enum Kind { case missing, file, folder }

    private static func kind(of path: String) -> Kind {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .missing }
        return isDirectory.boolValue ? .folder : .file
    }

    /// A file that must exist and not be a folder. Missing, the advice names the nearest file of the same
    /// kind beside where it was looked for (a typo); a folder, it names the first such file in it.
    private static func requireFile(
        _ path: String, role: String, extension suffix: String, excluding: String?, missing: String, folder: String
    ) throws {
        func candidates(in directory: String) -> [String] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            return names.filter { $0.hasSuffix(suffix) && !(excluding.map($0.hasSuffix) ?? false) }.sorted()
        }
        switch kind(of: path) {
        case .file: return
        case .folder:
            if let first = candidates(in: path).first {
                let example = (path as NSString).appendingPathComponent(first)
                throw CommandFailure("\(role) \(path) is a folder, not a file: name the file in it, such as \(example)")
            }
            throw CommandFailure("\(role) \(path) is a folder, not a file: \(folder)")
        case .missing:
            let directory = (path as NSString).deletingLastPathComponent
            let base = (path as NSString).lastPathComponent
            if let guess = nearestName(base, among: candidates(in: directory.isEmpty ? "." : directory)) {
                let suggestion = directory.isEmpty ? guess : (directory as NSString).appendingPathComponent(guess)
                throw CommandFailure("\(role) \(path) does not exist: did you mean \(suggestion)?")
            }
            throw CommandFailure("\(role) \(path) does not exist: \(missing)")
        }
    }

    /// The POSIX error code behind a Foundation error, if there is one.
    private static func posixCode(of error: Error) -> Int32? {
        if let posix = error as? POSIXError { return posix.code.rawValue }
        let nsError = error as NSError
        if nsError.domain == NSPOSIXErrorDomain { return Int32(nsError.code) }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? Error, let code = posixCode(of: underlying) { return code }
        guard nsError.domain == NSCocoaErrorDomain else { return nil }
        switch CocoaError.Code(rawValue: nsError.code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: return ENOENT
        case .fileReadNoPermission, .fileWriteNoPermission: return EACCES
        case .fileWriteOutOfSpace: return ENOSPC
        case .fileWriteVolumeReadOnly: return EROFS
        case .fileWriteFileExists: return EEXIST
        default: return nil
        }
    }

    /// What to do, in words, for a POSIX error code.
    private static func remedy(_ code: Int32, writing: Bool) -> String {
        switch code {
        case ENOENT: return writing ? "create the folder first" : "check the path"
        case EACCES, EPERM: return writing ? "choose a place you may write to" : "check that you may read it"
        case ENOTDIR: return "check the path"
        case EISDIR: return writing ? "remove or rename that folder" : "name a file, not a folder"
        case EEXIST: return "remove or rename what is there"
        case EROFS: return "choose a place on a writable disk"
        case ENOSPC, EDQUOT: return "free some space"
        default: return "check the path and its permissions"
        }
    }

    /// Why, in words, for a POSIX error code.
    private static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "it or a folder above it does not exist"
        case EACCES, EPERM: return "permission denied"
        case ENOTDIR: return "a part of the path is a file, not a folder"
        case EISDIR: return "it is a folder, not a file"
        case EEXIST: return "something else already exists there"
        case EROFS: return "the file system is read-only"
        case ENOSPC, EDQUOT: return "the disk is full"
        case ENAMETOOLONG: return "the name is too long"
        case ELOOP: return "it is a loop of symbolic links"
        case EIO: return "the disk reported an input/output error"
        default: return String(cString: strerror(code)).lowercased()
        }
    }
}
