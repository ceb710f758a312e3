extension Messages {
    /// Vietnamese words of interest, the pipeline and the approval dossier.
    static let vietnamesePipeline: [String: String] = [
        "pipeline.unknownStage": "không có giai đoạn '{0}'",
        "pipeline.already": "cặp này đã ở giai đoạn “{0}”",
        "pipeline.closed": "cặp này đã kết thúc ở “{0}”; chỉ có thể mở lại ở “{1}”",
        "pipeline.closingFrom": "chỉ có thể chuyển sang “{0}” từ: {1}",
        "pipeline.closingBefore": "“{0}” dành cho các cặp chưa đến “{1}”; hãy chọn rút lại",
        "pipeline.backwards":
            "một cặp chỉ đi tiếp: từ “{0}” không thể quay lại “{1}” (Bộ có thể sửa nhầm lẫn)",
        "pipeline.requires": "chuyển sang “{0}” cần: {1}",
        "pipeline.itemsUndone": "trước “{0}” cần hoàn thành các mục hồ sơ: {1}",
        "checklist.notList": "'{0}' phải là một danh sách",
        "checklist.integer": "'{0}' phải là số nguyên từ {1} đến {2}",
        "checklist.empty": "tệp trống; danh mục cần name, stages, closings và items",
        "checklist.theFile": "danh mục",
        "checklist.noStages": "danh mục cần ít nhất một giai đoạn",
        "checklist.twice": "'{0}' xuất hiện hai lần",
        "checklist.keep": "phải giữ giai đoạn '{0}': ngomatch tự chuyển các cặp sang đó",
        "checklist.noSuchStage": "không có giai đoạn '{0}' trên đường tiến",
        "checklist.aStage": "một giai đoạn",
        "checklist.unknownRequirement": "không rõ yêu cầu '{0}'",
        "checklist.anItem": "một mục",
        "holidays.empty": "tệp trống; cần every-year và years",
        "holidays.monthDay": "ngày ở đây là tháng và ngày, dạng MM-DD",
        "holidays.day": "'{0}' không phải một ngày của năm {1} dạng YYYY-MM-DD",
        "upload.empty": "“{0}” trống",
        "upload.tooLarge": "“{0}” nặng {1} MB; tài liệu hồ sơ tối đa {2} MB",
        "upload.type": "“{0}” không phải loại tệp của hồ sơ; hãy gửi một trong: {1}",
        "upload.notWhatItSays": "“{0}” không có nội dung của tệp {1}; hãy gửi chính tài liệu, không phải một trang hay một liên kết",
    ]
}
