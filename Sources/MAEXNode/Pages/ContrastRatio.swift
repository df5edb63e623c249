import Foundation

/// The WCAG 2.1 contrast ratio of two colours (success criterion 1.4.3). Pure.
enum ContrastRatio {
    /// The least ratio for normal text at level AA.
    static let normalText = 4.5

    /// The relative luminance (0 black to 1 white) of `#RRGGBB` or `#RGB`; `nil` for other text.
    static func luminance(_ hex: String) -> Double? {
        guard hex.hasPrefix("#") else { return nil }
        var digits = String(hex.dropFirst())
        if digits.count == 3 { digits = digits.map { "\($0)\($0)" }.joined() }
        guard digits.count == 6, let value = Int(digits, radix: 16) else { return nil }
        let channels = [value >> 16 & 0xFF, value >> 8 & 0xFF, value & 0xFF].map { channel -> Double in
            let srgb = Double(channel) / 255
            return srgb <= 0.04045 ? srgb / 12.92 : pow((srgb + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    }

    /// The contrast ratio of two luminances, from 1 (none) to 21 (black on white).
    static func ratio(_ first: Double, _ second: Double) -> Double {
        (max(first, second) + 0.05) / (min(first, second) + 0.05)
    }

    /// The contrast ratio of two colours given as `#RRGGBB`; `nil` when either is not one.
    static func ratio(_ first: String, _ second: String) -> Double? {
        guard let one = luminance(first), let other = luminance(second) else { return nil }
        return ratio(one, other)
    }
}
