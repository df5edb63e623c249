/// One page of an HSDS list: the `Page` header of the HSDS API plus `contents`.
struct HSDSPage<Item: Encodable & Sendable>: Encodable, Sendable {
    let total_items: Int
    let total_pages: Int
    let page_number: Int
    /// The number of items on this page.
    let size: Int
    let first_page: Bool
    let last_page: Bool
    let empty: Bool
    let contents: [Item]

    /// Page `page` (from 1) of `items`, `perPage` per page. Pure.
    init(_ items: [Item], page: Int, perPage: Int) {
        total_items = items.count
        total_pages = (items.count + perPage - 1) / perPage
        page_number = page
        contents = Array(items.dropFirst((page - 1) * perPage).prefix(perPage))
        size = contents.count
        first_page = page == 1
        last_page = page >= total_pages
        empty = items.isEmpty
    }
}

/// The answer of `GET /hsds/`: which HSDS version and profile the API speaks.
struct HSDSInfo: Encodable, Sendable {
    let version: String
    let profile: String
    let openapi_url: String
}
