import Foundation

/// Unbuffered output for long-running commands: a line reaches the terminal (or a pipe) at
/// once, even when stdout is redirected.
enum Console {
    /// Writes a line to stdout.
    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Writes a line to stderr.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Whether stderr is a terminal (progress lines then overwrite each other).
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Writes a progress line to stderr: in place on a terminal, as a new line otherwise.
    static func progress(_ text: String) {
        if stderrIsTerminal {
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
        } else {
            error(text)
        }
    }

    /// Ends an in-place progress line.
    static func endProgress() {
        if stderrIsTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    /// Bytes the way people read them: `812 B`, `14.2 KB`, `3.1 MB`.
    static func bytes(_ count: Int) -> String {
        if count < 1000 { return "\(count) B" }
        if count < 1_000_000 { return String(format: "%.1f KB", Double(count) / 1000) }
        return String(format: "%.1f MB", Double(count) / 1_000_000)
    }
}
