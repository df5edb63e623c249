import Foundation
import Hummingbird
import MAEXCore
import MAEXWire

/// A 422 answer listing every field's problem (`FieldErrorBody`).
struct FieldProblemsError: CodedHTTPError {
    let problems: [FieldProblem]

    var status: HTTPResponse.Status { .unprocessableContent }
    var code: String { "invalid_fields" }
    var message: String { "the values do not fit: " + problems.map(\.description).joined(separator: "; ") }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = FieldErrorBody(
            message: message,
            fields: problems.map { FieldErrorBody.Field(field: $0.field, message: $0.message) })
        return try JSONResponse.make(body, status: status)
    }
}

extension RegisterEditError {
    /// The HTTP error answering this refusal.
    var httpError: any CodedHTTPError {
        switch self {
        case .invalid(let problems): FieldProblemsError(problems: problems)
        case .notFound(let text): APIError.notFound(text)
        case .gone(let text): APIError.gone(text)
        case .notEditable(let text): APIError(.serviceUnavailable, code: "not_editable", message: text)
        }
    }
}

extension AuthoringError {
    /// The HTTP error answering this refusal of the author.
    var httpError: any CodedHTTPError {
        switch self {
        case .schema(let error): FieldProblemsError(problems: [FieldProblem(error)])
        case .outOfScope: APIError(.forbidden, code: "out_of_scope", message: description)
        case .notAuthorised: APIError(.forbidden, code: "not_authorised", message: description)
        case .noCertificate: APIError(.serviceUnavailable, code: "no_certificate", message: description)
        case .unknownRecord: APIError.notFound(description)
        case .deletedRecord: APIError.gone(description)
        case .invalidRecordID: APIError(.badRequest, code: "invalid_id", message: description)
        case .recordExists, .nothingToChange: APIError(.conflict, code: "conflict", message: description)
        case .notStored: APIError.internalError(description)
        case .ownHeadUnconfirmed: APIError(.serviceUnavailable, code: "own_head_unconfirmed", message: description)
        }
    }
}
