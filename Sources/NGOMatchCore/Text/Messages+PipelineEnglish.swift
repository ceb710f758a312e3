extension Messages {
    /// English words of interest, the pipeline and the approval dossier.
    static let englishPipeline: [String: String] = [
        "pipeline.unknownStage": "unknown stage '{0}'",
        "pipeline.already": "the pair is already at “{0}”",
        "pipeline.closed": "the pair was closed as “{0}”; it can only be reopened at “{1}”",
        "pipeline.closingFrom": "“{0}” can be reached only from: {1}",
        "pipeline.closingBefore": "“{0}” is for pairs not yet at “{1}”; withdraw it instead",
        "pipeline.backwards":
            "a pair moves forward: from “{0}” it cannot go back to “{1}” (the ministry can correct a mistake)",
        "pipeline.requires": "moving to “{0}” needs: {1}",
        "pipeline.itemsUndone": "before “{0}” these dossier items must be done: {1}",
        "checklist.notList": "'{0}' must be a list",
        "checklist.integer": "'{0}' must be a whole number from {1} to {2}",
        "checklist.empty": "the file is empty; a checklist needs name, stages, closings and items",
        "checklist.theFile": "the checklist",
        "checklist.noStages": "a checklist needs at least one stage",
        "checklist.twice": "'{0}' is named twice",
        "checklist.keep": "the stage '{0}' must stay: ngomatch moves pairs to it itself",
        "checklist.noSuchStage": "no stage '{0}' on the way forward",
        "checklist.aStage": "a stage",
        "checklist.unknownRequirement": "unknown requirement '{0}'",
        "checklist.anItem": "an item",
        "holidays.empty": "the file is empty; it needs every-year and years",
        "holidays.monthDay": "a date here is a month and day, as MM-DD",
        "holidays.day": "'{0}' is not a day of {1} as YYYY-MM-DD",
        "upload.empty": "“{0}” is empty",
        "upload.tooLarge": "“{0}” is {1} MB; a dossier document may be at most {2} MB",
        "upload.type": "“{0}” is not a type a dossier holds; send one of: {1}",
        "upload.notWhatItSays": "“{0}” does not look like a {1} file inside; send the document itself, not a page or a link",
    ]
}
