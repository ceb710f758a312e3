import NGOMatchCore

/// What a record form shows: its fields with what was typed and the problem next to each,
/// the sectors as a two-level choice with levels, and groups of checkboxes.
struct FormView {
    struct Field {
        enum Kind {
            case input(String)
            case select([(value: String, label: String)])
            case textArea
        }
        let name: String
        let label: String
        let kind: Kind
        var value: String
        var required = false
        var hint: String? = nil
    }

    struct CheckGroup {
        let name: String
        let legend: String
        let options: [(value: String, label: String)]
        var checked: Set<String>

        /// Whom a record serves, as both record forms ask it.
        static func targetGroups(_ form: FormData, _ language: Language) -> CheckGroup {
            CheckGroup(
                name: "targetGroups", legend: WebText.text("targetGroups", language),
                options: TargetGroup.allCases.map { ($0.rawValue, $0.name.in(language)) },
                checked: Set(form.all("targetGroups")))
        }
    }

    var fields: [Field]
    var checkGroups: [CheckGroup]
    /// Sector id → level (1–5) chosen.
    var sectorLevels: [String: String]
    /// Problems by field name; those that belong to no field are listed at the top.
    var problems: [String: String] = [:]
    var otherProblems: [String] = []

    /// Places each problem of a refused record next to the field it concerns.
    mutating func place(_ problems: [FieldProblem], _ language: Language, fieldFor: (String) -> String?) {
        for problem in problems {
            if let field = fieldFor(problem.field), self.problems[field] == nil {
                self.problems[field] =
                    Self.formWording(problem.what).map { WebText.text($0, language) }
                    ?? problem.message(language)
            } else {
                otherProblems.append(problem.text(language))
            }
        }
    }

    var problemCount: Int { problems.count + otherProblems.count }

    /// A problem said for a form rather than a file, by its catalogue key: "at least one sector
    /// is required, e.g. [{…}]" shows a JSON example that means nothing beside a form's boxes.
    static func formWording(_ what: Phrase) -> String? {
        guard case .message(let key, _) = what else { return nil }
        return ["problem.needSectorRequired": "sectorRequired", "problem.ngoSectorRequired": "sectorRequired"][key]
    }

    func values(taxonomy: Taxonomy, language: Language) -> PageRecord {
        let levels = [("", WebText.text("choose", language))] + (1...5).map { (String($0), String($0)) }
        let sectorMessage = problems["sectors"]
        return [
            "fields": fields.map { field -> PageRecord in
                var values: PageRecord = [
                    "name": field.name, "label": field.label, "value": field.value, "required": field.required,
                    "error": problems[field.name], "hint": field.hint,
                ]
                switch field.kind {
                case .input(let type):
                    values["isInput"] = true
                    values["type"] = type
                case .select(let choices):
                    values["isSelect"] = true
                    values["choices"] = WebApp.choices(choices, selected: field.value)
                case .textArea: values["isTextArea"] = true
                }
                return values
            },
            "sectorGroups": taxonomy.topLevel.map { top -> PageRecord in
                let members = [top] + taxonomy.children(of: top.id)
                return [
                    "name": top.name.in(language),
                    "open": members.contains { sectorLevels[$0.id.rawValue] != nil },
                    "sectors": members.map { sector -> PageRecord in
                        [
                            "id": sector.id.rawValue,
                            "name": sector.parent == nil
                                ? "\(sector.name.in(language)) (\(WebText.text("allOf", language)))"
                                : sector.name.in(language),
                            "levels": WebApp.choices(levels, selected: sectorLevels[sector.id.rawValue] ?? ""),
                        ]
                    },
                ]
            },
            "sectorError": sectorMessage,
            "checkGroups": checkGroups.map { group -> PageRecord in
                [
                    "legend": group.legend, "error": problems[group.name],
                    "options": group.options.map { option -> PageRecord in
                        [
                            "name": group.name, "value": option.value, "label": option.label,
                            "checked": group.checked.contains(option.value),
                        ]
                    },
                ]
            },
            "problemCount": problemCount > 0,
            "problemSummary": problemCount == 1
                ? WebText.text("oneProblem", language) : WebText.text("problems", language, String(problemCount)),
            "otherProblems": otherProblems,
        ]
    }
}

/// What a record form's page says around its fields.
struct RecordFormPage {
    let heading: String
    let action: String
    let submit: String
    let cancel: String
    /// How the sector levels read: expertise for an NGO, priority for a need.
    let sectorLegendKey: String
    let sectorHintKey: String
}
