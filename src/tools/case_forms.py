#!/usr/bin/env python3
"""Authoring aid (not part of the build): writes the Camunda Forms of the citizen-case processes.

Every form opens with the same case summary (code, unit, request) and a link to the case page, so
an officer never has to hunt for context.   python3 src/tools/case_forms.py
"""
import json
import pathlib

OUT = pathlib.Path(__file__).resolve().parents[2] / "forms"
N = 0


def cid(prefix):
    global N
    N += 1
    return f"{prefix}_{N}"


def summary(heading, hint):
    return [
        {"id": cid("heading"), "type": "text",
         "text": f"### {heading}\n{hint}\n\n**{{{{kindLabel}}}} {{{{caseCode}}}}** · {{{{unitName}}}} · "
                 "[Mở hồ sơ: tài liệu, ghi chú, lịch sử xử lý](/cases/{{caseCode}})"},
        {"id": cid("title"), "key": "title", "type": "textfield", "label": "Tiêu đề đơn", "readonly": True},
        {"id": cid("content"), "key": "content", "type": "textarea", "label": "Nội dung yêu cầu của công dân",
         "readonly": True},
    ]


def area(key, label, required=True, max_length=8000, hide=None):
    c = {"id": cid(key), "key": key, "type": "textarea", "label": label,
         "validate": {"required": required, "maxLength": max_length}}
    if hide:
        c["conditional"] = {"hide": hide}
    return c


def check(key, label, default=False):
    return {"id": cid(key), "key": key, "type": "checkbox", "label": label, "defaultValue": default}


def field(key, label, required=False, hide=None):
    c = {"id": cid(key), "key": key, "type": "textfield", "label": label,
         "validate": {"required": required, "maxLength": 200}}
    if hide:
        c["conditional"] = {"hide": hide}
    return c


def readonly(key, label, multiline=False):
    return {"id": cid(key), "key": key, "type": "textarea" if multiline else "textfield", "label": label,
            "readonly": True}


def select(key, label, values, hide=None, text_values=False):
    c = {"id": cid(key), "key": key, "type": "select", "label": label, "validate": {"required": True},
         "values": [{"label": l, "value": l if text_values else v} for v, l in values]}
    if hide:
        c["conditional"] = {"hide": hide}
    return c


def form(fid, components):
    doc = {"id": fid, "type": "default", "schemaVersion": 16, "executionPlatform": "Camunda Platform",
           "executionPlatformVersion": "7.24.0", "components": components}
    (OUT / f"{fid}.form").write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


REFUSAL_GROUNDS = [  # Luật Khiếu nại 2011, Điều 11
    ("not-related", "Quyết định, hành vi không liên quan trực tiếp đến quyền, lợi ích của người khiếu nại"),
    ("no-capacity", "Người khiếu nại không có năng lực hành vi dân sự đầy đủ, không có người đại diện hợp pháp"),
    ("no-authority", "Người đại diện không hợp pháp"),
    ("expired", "Thời hiệu khiếu nại đã hết mà không có lý do chính đáng"),
    ("already-decided", "Khiếu nại đã có quyết định giải quyết lần hai"),
    ("in-court", "Khiếu nại đã được Tòa án thụ lý hoặc đã có bản án, quyết định của Tòa án"),
    ("withdrawn", "Việc khiếu nại đã được rút"),
    ("not-admin", "Không phải quyết định hành chính, hành vi hành chính bị khiếu nại"),
]


def main():
    form("case-classify", summary("Phân loại đơn, xác định thẩm quyền",
                                  "Không thuộc thẩm quyền: nhập mã đơn vị có thẩm quyền; đơn được chuyển và công dân được thông báo.") + [
        check("competent", "Thuộc thẩm quyền giải quyết của đơn vị", True),
        field("forwardUnitCode", "Mã đơn vị có thẩm quyền (khi chuyển đơn)", True, hide="=competent"),
        check("multiSite", "Tố cáo cần xác minh ở nhiều địa điểm (10 ngày làm việc)"),
        check("remoteArea", "Người gửi đơn ở vùng sâu, vùng xa, đi lại khó khăn"),
        area("classificationNote", "Ghi chú phân loại (nội bộ)", required=False, max_length=4000),
    ])
    form("complaint-accept", summary("Thụ lý hoặc từ chối thụ lý khiếu nại",
                                     "Thông báo bằng văn bản trong 10 ngày làm việc (7 ngày từ 01/7/2026); nêu rõ lý do nếu từ chối.") + [
        check("accepted", "Thụ lý giải quyết", True),
        select("refusalGround", "Lý do không thụ lý (Luật Khiếu nại, Điều 11)", REFUSAL_GROUNDS, hide="=accepted",
               text_values=True),
    ])
    form("complaint-verify", summary("Xác minh nội dung khiếu nại",
                                     "Thu thập chứng cứ, làm việc với các bên; tải tài liệu lên trang hồ sơ.") + [
        area("findings", "Kết quả xác minh"),
        check("demandMatchesFindings", "Yêu cầu của người khiếu nại phù hợp với kết quả xác minh (không cần đối thoại)", False),
        check("proposeComplex", "Đề xuất xác định vụ việc phức tạp (gia hạn thời hạn giải quyết)"),
    ])
    form("complaint-complexity", summary("Quyết định vụ việc phức tạp",
                                         "Vụ việc phức tạp: thời hạn 45 ngày (vùng sâu, vùng xa 60 ngày) kể từ ngày thụ lý.") + [
        readonly("findings", "Kết quả xác minh", True),
        check("complexConfirmed", "Xác định là vụ việc phức tạp"),
    ])
    form("complaint-dialogue", summary("Tổ chức đối thoại",
                                       "Bắt buộc khi yêu cầu của người khiếu nại và kết quả xác minh khác nhau, và với khiếu nại lần hai.") + [
        readonly("findings", "Kết quả xác minh", True),
        {"id": cid("dialogueDate"), "key": "dialogueDate", "type": "datetime", "subtype": "datetime",
         "dateLabel": "Ngày đối thoại", "timeLabel": "Giờ", "validate": {"required": True}},
        check("citizenNotified", "Đã thông báo cho người khiếu nại và các bên liên quan", True),
        area("dialogueMinutes", "Biên bản đối thoại (có chữ ký các bên)"),
    ])
    form("complaint-draft-decision", summary("Dự thảo quyết định giải quyết khiếu nại", "") + [
        readonly("findings", "Kết quả xác minh", True),
        readonly("returnNote", "Ý kiến của thủ trưởng khi trả lại (nếu có)", True),
        area("decisionDraft", "Nội dung quyết định giải quyết khiếu nại", max_length=10000),
    ])
    form("complaint-sign-decision", summary("Ký quyết định giải quyết khiếu nại",
                                            "Quyết định được gửi cho người khiếu nại trong 3 ngày làm việc.") + [
        readonly("decisionDraft", "Dự thảo quyết định", True),
        check("approved", "Ký ban hành", True),
        area("returnNote", "Ý kiến khi trả lại dự thảo", hide="=approved", max_length=4000),
    ])
    form("case-send-decision", summary("Gửi quyết định / kết luận cho công dân",
                                       "Khi hoàn thành, công dân xem được văn bản bằng mã hồ sơ.") + [
        readonly("decisionDraft", "Văn bản đã ký", True),
        select("sentVia", "Hình thức gửi", [("post", "Bưu điện"), ("in-person", "Trao trực tiếp"), ("email", "Thư điện tử")]),
    ])
    form("denunciation-initial", summary("Xử lý ban đầu thông tin tố cáo",
                                         "7 ngày làm việc (10 ngày nếu xác minh nhiều địa điểm). Không tiết lộ thông tin người tố cáo.") + [
        check("accepted", "Đủ điều kiện thụ lý tố cáo", True),
        area("refusalReason", "Lý do không thụ lý", hide="=accepted", max_length=4000),
    ])
    form("denunciation-approve", summary("Ký quyết định thụ lý tố cáo", "") + [
        check("approved", "Ký quyết định thụ lý", True),
        area("returnNote", "Ý kiến khi trả lại", hide="=approved", max_length=4000),
    ])
    form("denunciation-verify", summary("Xác minh nội dung tố cáo",
                                        "Thời hạn 30 ngày kể từ ngày thụ lý; gia hạn một lần 30 ngày, vụ việc đặc biệt phức tạp hai lần, tổng không quá 90 ngày.") + [
        area("findings", "Kết quả xác minh"),
        check("requestExtension", "Đề nghị gia hạn thời hạn giải quyết"),
        check("especiallyComplex", "Vụ việc đặc biệt phức tạp"),
    ])
    form("denunciation-extension", summary("Quyết định gia hạn giải quyết tố cáo", "") + [
        readonly("findings", "Kết quả xác minh", True),
        check("extensionApproved", "Gia hạn thêm 30 ngày", True),
    ])
    form("denunciation-draft-conclusion", summary("Dự thảo kết luận nội dung tố cáo", "") + [
        readonly("findings", "Kết quả xác minh", True),
        readonly("returnNote", "Ý kiến của thủ trưởng khi trả lại (nếu có)", True),
        area("decisionDraft", "Nội dung kết luận", max_length=10000),
    ])
    form("denunciation-sign-conclusion", summary("Ký kết luận nội dung tố cáo",
                                                 "Kết luận được gửi cho người tố cáo trong 5 ngày làm việc.") + [
        readonly("decisionDraft", "Dự thảo kết luận", True),
        check("approved", "Ký ban hành", True),
        area("returnNote", "Ý kiến khi trả lại dự thảo", hide="=approved", max_length=4000),
    ])
    form("denunciation-continuation", summary("Người tố cáo rút tố cáo",
                                              "Nếu có dấu hiệu vi phạm pháp luật, vẫn tiếp tục giải quyết (Luật Tố cáo, Điều 33).") + [
        check("continueHandling", "Có dấu hiệu vi phạm: tiếp tục giải quyết", False),
        area("continuationNote", "Lý do"),
    ])
    form("petition-acknowledge", summary("Thông báo việc tiếp nhận, xử lý kiến nghị, phản ánh",
                                         "Thông báo cho công dân trong 10 ngày làm việc (Luật Tiếp công dân, Điều 28).") + [
        select("classification", "Kết quả", [("accepted", "Tiếp nhận, xử lý"), ("needs-time", "Cần thêm thời gian xem xét"),
                                              ("refused", "Không xử lý (nêu lý do)")]),
        area("acknowledgement", "Nội dung thông báo cho công dân", max_length=4000),
    ])
    form("petition-handle", summary("Xử lý và trả lời kiến nghị, phản ánh",
                                    "Nội dung trả lời được công khai cho công dân tra cứu bằng mã hồ sơ.") + [
        readonly("acknowledgement", "Đã thông báo cho công dân", True),
        area("answer", "Nội dung trả lời công dân"),
    ])
    form("overdue-follow-up", summary("Hồ sơ quá hạn luật định",
                                      "Một bước xử lý của hồ sơ này đã quá hạn. Đôn đốc, phân công lại nếu cần.") + [
        area("followUpNote", "Nội dung đôn đốc", max_length=4000),
    ])


def reception():
    form("reception-intake", [
        {"id": cid("heading"), "type": "text",
         "text": "### Ghi nhận đơn tiếp nhận trực tiếp, qua đường dây nóng, hòm thư góp ý\n"
                 "Đơn có nhiều nội dung khác loại được tách thành từng hồ sơ riêng (Luật Tiếp công dân, Điều 25)."},
        select("channel", "Kênh tiếp nhận", [("IN_PERSON", "Trực tiếp tại nơi tiếp công dân"),
                                             ("HOTLINE", "Đường dây nóng"), ("SUGGESTION_BOX", "Hòm thư góp ý")]),
        {"id": cid("kinds"), "key": "kinds", "type": "checklist", "label": "Loại nội dung (chọn một hoặc nhiều)",
         "validate": {"required": True},
         "values": [{"label": "Khiếu nại", "value": "COMPLAINT"}, {"label": "Tố cáo", "value": "DENUNCIATION"},
                    {"label": "Kiến nghị, phản ánh", "value": "PETITION"},
                    {"label": "Thông tin nặc danh", "value": "ANONYMOUS_INFO"}]},
        field("unitCode", "Mã cơ quan, đơn vị liên quan (ví dụ hg-vithanh-p1)", True),
        field("title", "Tiêu đề", True),
        area("content", "Nội dung đơn", max_length=10000),
        check("anonymous", "Người gửi không ghi tên"),
        field("citizenName", "Họ tên người gửi", hide="=anonymous"),
        field("citizenAddress", "Địa chỉ", hide="=anonymous"),
        field("citizenContact", "Điện thoại, thư điện tử", hide="=anonymous"),
    ])
    form("reception-receipt", [
        {"id": cid("heading"), "type": "text",
         "text": "### In và giao giấy biên nhận\nĐã lập các hồ sơ: **{{openedCodes}}**.\n\n"
                 "Mở trang hồ sơ, bấm \"In giấy biên nhận\" để cấp mã PIN tra cứu cho công dân (mã PIN chỉ hiện một lần; "
                 "in lại sẽ cấp mã mới). [Danh sách hồ sơ](/cases)"},
        check("receiptHandedOver", "Đã giao giấy biên nhận cho công dân", True),
    ])


if __name__ == "__main__":
    main()
    reception()
