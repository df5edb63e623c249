/// A Dutch municipality with its province and COROP region (CBS codes).
public struct Municipality: Hashable, Sendable, Identifiable {
    /// The CBS municipality code, `GM0718`.
    public let code: String
    /// The name, `Vlissingen`.
    public let name: String
    /// The province code, `PV29`.
    public let province: String
    /// The COROP region code, `CR32`.
    public let corop: String
    /// The COROP region name.
    public let coropName: String

    /// Creates a municipality.
    public init(code: String, name: String, province: String, corop: String, coropName: String) {
        self.code = code
        self.name = name
        self.province = province
        self.corop = corop
        self.coropName = coropName
    }

    public var id: String { code }
}
