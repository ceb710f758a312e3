import Foundation

/// Scores and filters told in words, in Vietnamese or English.
public struct Explanation: Sendable {
    public let reference: ReferenceData
    public let language: Language

    public init(reference: ReferenceData, language: Language) {
        self.reference = reference
        self.language = language
    }

    /// Two or three reasons: the contributions that added the most points.
    public func reasons(_ assessment: Assessment, count: Int = 3) -> [String] {
        assessment.contributions.filter { $0.points > 0 }
            .sorted { $0.points > $1.points }
            .prefix(count)
            .map(describe)
    }

    /// One contribution in a sentence.
    public func describe(_ contribution: Contribution) -> String {
        switch contribution.evidence {
        case .sector(let needSector, let ngoSector, let tier, let expertise, let priority):
            guard let needSector, let ngoSector else {
                return say("Không hoạt động trong lĩnh vực nào của nhu cầu", "Works in none of the need's sectors")
            }
            let offered = sector(ngoSector)
            let wanted = sector(needSector)
            switch tier {
            case .exact:
                return say(
                    "Chuyên môn \(expertise)/5 về \(offered), lĩnh vực ưu tiên \(priority)/5 của nhu cầu",
                    "Expertise \(expertise)/5 in \(offered), a priority-\(priority) sector of the need")
            case .sameParent, .sibling:
                return say(
                    "Chuyên môn \(expertise)/5 về \(offered), gần với \(wanted) (ưu tiên \(priority)/5)",
                    "Expertise \(expertise)/5 in \(offered), related to \(wanted) (priority \(priority))")
            case .none:
                return say("Không có lĩnh vực chung", "No shared sector")
            }
        case .geography(let tier, let province, let via):
            let here = provinceName(province)
            switch tier {
            case .current: return say("Đang hoạt động tại \(here)", "Already works in \(here)")
            case .past: return say("Đã từng hoạt động tại \(here)", "Has worked in \(here) before")
            case .nearby:
                return say(
                    "Đang hoạt động ở địa phương lân cận (\(via.map(provinceName) ?? ""))",
                    "Works nearby, in \(via.map(provinceName) ?? "")")
            case .nationwide: return say("Hoạt động trên toàn quốc", "Works nationwide")
            case .elsewhere(_, let km):
                return say(
                    "Địa bàn gần nhất: \(via.map(provinceName) ?? ""), cách \(Int(km)) km",
                    "Nearest work in \(via.map(provinceName) ?? ""), \(Int(km)) km away")
            case .unknown: return say("Chưa có địa bàn hoạt động", "No provinces of work on record")
            }
        case .targetGroups(let shared, let wanted):
            if wanted == 0 { return say("Nhu cầu không nêu nhóm đối tượng", "The need names no target group") }
            let names = shared.map { $0.name.in(language) }.joined(separator: ", ")
            return say(
                "Phục vụ \(shared.count)/\(wanted) nhóm đối tượng\(names.isEmpty ? "" : ": " + names)",
                "Serves \(shared.count) of \(wanted) target groups\(names.isEmpty ? "" : ": " + names)")
        case .funding(let relation, let gap, let min, let max):
            let range = "\(money(min ?? 0))–\(money(max ?? 0))"
            switch relation {
            case .within:
                return say(
                    "Quy mô tài trợ thường (\(range)) phù hợp khoản thiếu hụt \(money(gap))",
                    "Typical grants (\(range)) fit the \(money(gap)) gap")
            case .aboveRange:
                let share = Int((contribution.value * 100).rounded())
                return say(
                    "Khoản tài trợ tối đa \(money(max ?? 0)) đáp ứng \(share)% khoản thiếu hụt \(money(gap))",
                    "Grants up to \(money(max ?? 0)) cover \(share)% of the \(money(gap)) gap")
            case .belowRange:
                return say(
                    "Khoản thiếu hụt \(money(gap)) nhỏ hơn mức tài trợ tối thiểu \(money(min ?? 0))",
                    "The \(money(gap)) gap is below its smallest usual grant of \(money(min ?? 0))")
            case .unknown: return say("Chưa nêu quy mô tài trợ", "States no grant range")
            }
        case .timeframe(let share, let expires):
            let percent = Int((share * 100).rounded())
            return say(
                "Giấy đăng ký còn hiệu lực cho \(percent)% thời gian thực hiện\(expires.map { " (đến \($0))" } ?? "")",
                "Certificate valid for \(percent)% of the timeframe\(expires.map { " (until \($0))" } ?? "")")
        case .trackRecord(let completed):
            return say(
                "\(completed) dự án đã hoàn thành trong lĩnh vực hoặc địa phương này",
                "\(completed) completed partnership\(completed == 1 ? "" : "s") in this sector or province")
        case .load(let open, let capacity):
            return say(
                "Còn năng lực: \(open)/\(capacity) quan hệ hợp tác mới trong năm đã dùng",
                "Has room: \(open) of \(capacity) yearly partnerships in use")
        case .underserved(let count):
            return say(
                "Chỉ \(count) tổ chức đang hoạt động tại địa phương này",
                "Only \(count) NGO\(count == 1 ? "" : "s") work in this province")
        case .sectorEmphasis(let share):
            let percent = Int((share * 100).rounded())
            return say(
                "\(percent)% nhu cầu thuộc lĩnh vực được ưu tiên", "\(percent)% of the need is in emphasised sectors")
        }
    }

    /// Why a filter removed the pair, and what would change that.
    public func describe(_ failure: FilterFailure) -> (reason: String, remedy: String?) {
        switch failure.detail {
        case .needNotOpen(let status):
            return (say("Nhu cầu không còn mở (\(status.rawValue))", "The need is not open (\(status.rawValue))"), nil)
        case .noSharedSector:
            return (say("Không hoạt động trong lĩnh vực nào của nhu cầu", "Works in none of the need's sectors"), nil)
        case .noCertificate:
            return (
                say("Chưa có giấy đăng ký hoạt động tại Việt Nam", "Has no registration certificate in Vietnam"),
                say("Đăng ký theo Nghị định 58/2022/NĐ-CP", "Register under Decree 58/2022/ND-CP")
            )
        case .certificateExpired(let expires, let start):
            return (
                say(
                    "Giấy đăng ký hết hạn ngày \(expires), trước khi nhu cầu bắt đầu (\(start))",
                    "Certificate expires \(expires), before the need starts (\(start))"),
                say("Gia hạn giấy đăng ký đến ít nhất \(start)", "An extension of the certificate to at least \(start)")
            )
        case .certificateNotYetValid(let issued, let start):
            return (
                say(
                    "Giấy đăng ký chỉ có hiệu lực từ \(issued), sau ngày bắt đầu \(start)",
                    "Certificate valid only from \(issued), after the need starts (\(start))"),
                say("Dời ngày bắt đầu đến \(issued)", "Start the need on or after \(issued)")
            )
        case .areaMissing(let province):
            let name = provinceName(province)
            return (
                say(
                    "Giấy đăng ký không có địa bàn \(name)",
                    "Certificate does not name \(name) (or a province merged into it)"),
                say("Bổ sung địa bàn \(name) vào giấy đăng ký", "Add \(name) to the certificate's areas")
            )
        case .fieldsMissing(let sectors):
            let names = sectors.map(sector).joined(separator: ", ")
            return (
                say("Giấy đăng ký không có lĩnh vực \(names)", "Certificate's fields do not cover \(names)"),
                say("Bổ sung lĩnh vực \(names) vào giấy đăng ký", "Add \(names) to the certificate's fields")
            )
        case .optedOutOfProvince(let province):
            return (
                say(
                    "Tổ chức không nhận đề xuất tại \(provinceName(province))", "Opted out of \(provinceName(province))"
                ), nil
            )
        case .optedOutOfSector(let id):
            return (say("Tổ chức không nhận đề xuất về \(sector(id))", "Opted out of \(sector(id))"), nil)
        case .declinedBefore:
            return (
                say("Đã từ chối nhu cầu này trước đây", "Declined this need before"),
                say("Dùng --include-declined để xem lại", "Use --include-declined to suggest it anyway")
            )
        case .belowMinimum(let score, let minimum):
            return (
                say(
                    "Điểm \(Self.points(score)) thấp hơn mức tối thiểu \(Self.points(minimum))",
                    "Score \(Self.points(score)) is below the minimum \(Self.points(minimum))"),
                nil
            )
        }
    }

    public static func points(_ value: Double) -> String { String(format: "%.1f", value) }

    /// US dollars as each language writes them: `$250,000` in English, `250.000 USD` in Vietnamese.
    public static func usd(_ amount: Double, in language: Language = .en) -> String {
        var digits = String(Int(amount.rounded()))
        let separator = language == .vi ? "." : ","
        var grouped = ""
        while digits.count > 3 {
            grouped = separator + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        return language == .vi ? digits + grouped + " USD" : "$" + digits + grouped
    }

    private func money(_ amount: Double) -> String { Self.usd(amount, in: language) }

    private func say(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }
    private func sector(_ id: SectorID) -> String { reference.taxonomy[id]?.name.in(language) ?? id.rawValue }
    /// A proper name as the registry holds it, diacritics included, in English too: "Cao Bang"
    /// could be several places, "Cao Bằng" is one.
    private func provinceName(_ id: ProvinceID) -> String { reference.provinces[id]?.name.vi ?? id.rawValue }
}
