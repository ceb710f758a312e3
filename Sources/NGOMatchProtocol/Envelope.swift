import Foundation
import NGOMatchCore

/// JSON-RPC 2.0 messages as bytes: results are spliced in already encoded.
enum Envelope {
    static func result(id: RequestID, _ result: Data) -> Data {
        var line = Data(capacity: result.count + 48)
        line.append(contentsOf: #"{"jsonrpc":"2.0","id":"#.utf8)
        line.append(contentsOf: id.bytes)
        line.append(contentsOf: #","result":"#.utf8)
        line.append(result)
        line.append(UInt8(ascii: "}"))
        return line
    }

    static func error(id: RequestID, _ error: RPCError) -> Data {
        var body: [String: JSONValue] = ["code": .number(Double(error.code)), "message": .string(error.message)]
        if let data = error.data { body["data"] = data }
        var line = Data(#"{"jsonrpc":"2.0","id":"#.utf8)
        line.append(contentsOf: id.bytes)
        line.append(contentsOf: #","error":"#.utf8)
        line.append(encode(.object(body)))
        line.append(UInt8(ascii: "}"))
        return line
    }

    static func notification(_ method: String, params: some Encodable) throws -> Data {
        var line = Data(#"{"jsonrpc":"2.0","method":"#.utf8)
        line.append(encode(.string(method)))
        line.append(Data(#","params":"#.utf8))
        line.append(try StreamingJSONEncoder.encode(params))
        line.append(UInt8(ascii: "}"))
        return line
    }

    static func encode(_ value: JSONValue) -> Data {
        Data(StreamingJSONEncoder.bytes(of: value))
    }
}
