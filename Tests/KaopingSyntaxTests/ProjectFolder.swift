import Foundation

/// Files that ship with the project, found from this source file's location.
enum ProjectFolder {
    /// The repository root: `Tests/KaopingSyntaxTests/ProjectFolder.swift` is three levels below it.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
