#!/usr/bin/env python3
"""Authoring aid (not part of the build): writes the citizen-case BPMN files in processes/.

The processes are regular and long; writing them from this compact description keeps every user
task's deadline timer, escalation and form wiring identical. Run it, then lay the diagrams out:
    python3 src/tools/case_processes.py && node src/tools/layout-bpmn.mjs processes/{citizen-case,complaint,denunciation,petition}.bpmn
"""
from xml.sax.saxutils import escape, quoteattr
import pathlib

OUT = pathlib.Path(__file__).resolve().parents[2] / "processes"

# What the handling processes' gateways and decision tables read before any form has set it; declared
# here so the intake transaction does not carry them (a denunciation's multiSite comes from classification).
CALL_DEFAULTS = "".join(f'        <camunda:in sourceExpression="{expr}" target="{name}" />\n' for name, expr in [
    ("multiSite", "${execution.getVariable('multiSite') == true}"),
    ("complexConfirmed", "${false}"), ("complexDecided", "${false}"), ("proposeComplex", "${false}"),
    ("requestExtension", "${false}"), ("especiallyComplex", "${false}"), ("extensions", "${0}"),
])


class Process:
    def __init__(self, pid, name):
        self.pid, self.name = pid, name
        self.nodes, self.flows, self.subprocesses = [], [], []
        self.n = 0
        self.has_timers = False
        self.withdrawal = None
        self.messages = []

    def _flow_id(self):
        self.n += 1
        return f"flow-{self.n}"

    def start(self, nid, name, message=None):
        self.nodes.append(("start", nid, name, {"message": message}))
        if message:
            self.messages.append(message)
        return nid

    def end(self, nid, name, terminate=False):
        self.nodes.append(("end", nid, name, {"terminate": terminate}))
        return nid

    def user(self, nid, name, role, form, due=None, status=None, outputs=None):
        self.nodes.append(("user", nid, name, {"role": role, "form": form, "due": due, "status": status,
                                                "outputs": outputs or {}}))
        if due:
            self.has_timers = True
        return nid

    def service(self, nid, name, expression):
        self.nodes.append(("service", nid, name, {"expression": expression}))
        return nid

    def rule(self, nid, name, decision, result_var, mapping="singleResult"):
        self.nodes.append(("rule", nid, name, {"decision": decision, "result": result_var, "mapping": mapping}))
        return nid

    def call(self, nid, name, called):
        self.nodes.append(("call", nid, name, {"called": called}))
        return nid

    def message_boundary(self, nid, name, attached_to, message):
        """An interrupting message event on a task."""
        self.nodes.append(("mboundary", nid, name, {"attached": attached_to, "message": message}))
        return nid

    def xor(self, nid, name):
        self.nodes.append(("xor", nid, name, {}))
        return nid

    def flow(self, source, target, condition=None, name=None):
        self.flows.append((self._flow_id(), source, target, condition, name))

    def chain(self, *ids):
        for a, b in zip(ids, ids[1:]):
            self.flow(a, b)

    def xml(self):
        out = []
        incoming, outgoing = {}, {}
        for fid, s, t, _, _ in self.flows:
            outgoing.setdefault(s, []).append(fid)
            incoming.setdefault(t, []).append(fid)
        boundary = []
        for kind, nid, name, a in self.nodes:
            io = "".join(f"\n      <bpmn:incoming>{f}</bpmn:incoming>" for f in incoming.get(nid, []))
            io += "".join(f"\n      <bpmn:outgoing>{f}</bpmn:outgoing>" for f in outgoing.get(nid, []))
            n = quoteattr(name)
            if kind == "start":
                trigger = (f'\n      <bpmn:messageEventDefinition messageRef="{a["message"]}" />' if a["message"] else "")
                out.append(f'    <bpmn:startEvent id="{nid}" name={n}>{io}{trigger}\n    </bpmn:startEvent>')
            elif kind == "end":
                term = '\n      <bpmn:terminateEventDefinition />' if a["terminate"] else ""
                out.append(f'    <bpmn:endEvent id="{nid}" name={n}>{io}{term}\n    </bpmn:endEvent>')
            elif kind == "user":
                due = f' camunda:dueDate={quoteattr(a["due"])}' if a["due"] else ""
                inner = ""
                if a["status"]:
                    inner += ('\n        <camunda:properties>\n'
                              f'          <camunda:property name="caseStatus" value="{a["status"]}" />\n'
                              '        </camunda:properties>')
                if a["outputs"]:
                    inner += "\n        <camunda:inputOutput>" + "".join(
                        f'\n          <camunda:outputParameter name="{k}">{escape(v)}</camunda:outputParameter>'
                        for k, v in a["outputs"].items()) + "\n        </camunda:inputOutput>"
                ext = f"\n      <bpmn:extensionElements>{inner}\n      </bpmn:extensionElements>" if inner else ""
                out.append(f'    <bpmn:userTask id="{nid}" name={n} camunda:candidateGroups="${{unitCode}}:{a["role"]}"'
                           f' camunda:formRef="{a["form"]}" camunda:formRefBinding="deployment"{due}>{ext}{io}\n    </bpmn:userTask>')
                if a["due"]:
                    boundary.append((nid, a["due"]))
            elif kind == "service":
                out.append(f'    <bpmn:serviceTask id="{nid}" name={n} camunda:expression={quoteattr(a["expression"])}>{io}\n    </bpmn:serviceTask>')
            elif kind == "rule":
                out.append(f'    <bpmn:businessRuleTask id="{nid}" name={n} camunda:decisionRef="{a["decision"]}"'
                           f' camunda:decisionRefBinding="deployment" camunda:mapDecisionResult="{a["mapping"]}"'
                           f' camunda:resultVariable="{a["result"]}">{io}\n    </bpmn:businessRuleTask>')
            elif kind == "call":
                out.append(f'    <bpmn:callActivity id="{nid}" name={n} calledElement={quoteattr(a["called"])}'
                           f' camunda:calledElementBinding="latest">\n      <bpmn:extensionElements>\n'
                           '        <camunda:in businessKey="#{execution.processBusinessKey}" />\n'
                           '        <camunda:in variables="all" />\n' + CALL_DEFAULTS + '        <camunda:out variables="all" />\n'
                           f'      </bpmn:extensionElements>{io}\n    </bpmn:callActivity>')
            elif kind == "mboundary":
                out.append(f'    <bpmn:boundaryEvent id="{nid}" name={n} attachedToRef="{a["attached"]}">{io}\n'
                           f'      <bpmn:messageEventDefinition messageRef="{a["message"]}" />\n    </bpmn:boundaryEvent>')
            elif kind == "xor":
                out.append(f'    <bpmn:exclusiveGateway id="{nid}" name={n}>{io}\n    </bpmn:exclusiveGateway>')
        for fid, s, t, cond, name in self.flows:
            nm = f" name={quoteattr(name)}" if name else ""
            if cond:
                out.append(f'    <bpmn:sequenceFlow id="{fid}"{nm} sourceRef="{s}" targetRef="{t}">\n'
                           f'      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{escape(cond)}</bpmn:conditionExpression>\n'
                           '    </bpmn:sequenceFlow>')
            else:
                out.append(f'    <bpmn:sequenceFlow id="{fid}"{nm} sourceRef="{s}" targetRef="{t}" />')
        # a non-interrupting timer on every task with a statutory due date raises the "overdue" escalation
        for nid, due in boundary:
            out.append(f'''    <bpmn:boundaryEvent id="{nid}-overdue" name="Quá hạn" cancelActivity="false" attachedToRef="{nid}">
      <bpmn:outgoing>{nid}-overdue-flow</bpmn:outgoing>
      <bpmn:timerEventDefinition id="{nid}-overdue-timer">
        <bpmn:timeDate xsi:type="bpmn:tFormalExpression">{escape(due)}</bpmn:timeDate>
      </bpmn:timerEventDefinition>
    </bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="{nid}-overdue-flow" sourceRef="{nid}-overdue" targetRef="{nid}-escalate" />
    <bpmn:endEvent id="{nid}-escalate" name="Báo quá hạn cho lãnh đạo">
      <bpmn:incoming>{nid}-overdue-flow</bpmn:incoming>
      <bpmn:escalationEventDefinition escalationRef="overdue" />
    </bpmn:endEvent>''')
        if self.has_timers:
            out.append('''    <bpmn:subProcess id="overdue-follow-up" name="Đôn đốc việc quá hạn" triggeredByEvent="true">
      <bpmn:startEvent id="overdue-raised" name="Có việc quá hạn" isInterrupting="false">
        <bpmn:outgoing>overdue-flow-1</bpmn:outgoing>
        <bpmn:escalationEventDefinition escalationRef="overdue" />
      </bpmn:startEvent>
      <bpmn:sequenceFlow id="overdue-flow-1" sourceRef="overdue-raised" targetRef="follow-up-overdue" />
      <bpmn:userTask id="follow-up-overdue" name="Đôn đốc hồ sơ quá hạn" camunda:candidateGroups="${unitCode}:supervisor" camunda:formRef="overdue-follow-up" camunda:formRefBinding="deployment">
        <bpmn:incoming>overdue-flow-1</bpmn:incoming>
        <bpmn:outgoing>overdue-flow-2</bpmn:outgoing>
      </bpmn:userTask>
      <bpmn:sequenceFlow id="overdue-flow-2" sourceRef="follow-up-overdue" targetRef="overdue-followed-up" />
      <bpmn:endEvent id="overdue-followed-up" name="Đã đôn đốc">
        <bpmn:incoming>overdue-flow-2</bpmn:incoming>
      </bpmn:endEvent>
    </bpmn:subProcess>''')
        if self.withdrawal:
            out.append(self.withdrawal)
        defs = ['  <bpmn:escalation id="overdue" name="Quá hạn" escalationCode="overdue" />',
                '  <bpmn:message id="case-withdrawn" name="case-withdrawn" />',
                '  <bpmn:error id="handling-stopped" name="Đình chỉ giải quyết" errorCode="handling-stopped" />']
        defs += [f'  <bpmn:message id="{m}" name="{m}" />' for m in self.messages]
        body = "\n".join(out)
        return f'''<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="{self.pid}-definitions" targetNamespace="https://qcdc.vn/bpmn">
{chr(10).join(defs)}
  <bpmn:process id="{self.pid}" name={quoteattr(self.name)} isExecutable="true" camunda:historyTimeToLive="P3650D" camunda:isStartableInTasklist="false">
{body}
  </bpmn:process>
</bpmn:definitions>
'''

    def write(self):
        (OUT / f"{self.pid}.bpmn").write_text(self.xml(), encoding="utf-8")


def withdrawal(interrupting, inner):
    flag = "true" if interrupting else "false"
    return f'''    <bpmn:subProcess id="withdrawal" name="Công dân rút đơn" triggeredByEvent="true">
      <bpmn:startEvent id="withdrawn" name="Công dân rút đơn" isInterrupting="{flag}">
        <bpmn:outgoing>withdrawal-flow-1</bpmn:outgoing>
        <bpmn:messageEventDefinition messageRef="case-withdrawn" />
      </bpmn:startEvent>
{inner}
    </bpmn:subProcess>'''


SIMPLE_WITHDRAWAL = withdrawal(True, '''      <bpmn:sequenceFlow id="withdrawal-flow-1" sourceRef="withdrawn" targetRef="close-withdrawn" />
      <bpmn:serviceTask id="close-withdrawn" name="Đình chỉ giải quyết do rút đơn" camunda:expression="${caseFile.close(execution, 'WITHDRAWN')}">
        <bpmn:incoming>withdrawal-flow-1</bpmn:incoming>
        <bpmn:outgoing>withdrawal-flow-2</bpmn:outgoing>
      </bpmn:serviceTask>
      <bpmn:sequenceFlow id="withdrawal-flow-2" sourceRef="close-withdrawn" targetRef="withdrawal-closed" />
      <bpmn:endEvent id="withdrawal-closed" name="Đã đình chỉ">
        <bpmn:incoming>withdrawal-flow-2</bpmn:incoming>
      </bpmn:endEvent>''')


def citizen_case():
    p = Process("citizen-case", "Tiếp nhận và phân loại đơn của công dân")
    # every channel (portal, API, Open311, reception, dialogues) starts a case with this message
    p.start("case-received", "Đơn được tiếp nhận", message="case-submitted")
    p.rule("route-intake", "Xác định cấp giải quyết", "case-routing", "routing")
    p.service("assign-unit", "Giao đơn vị giải quyết", "${caseFile.assignUnit(execution)}")
    p.xor("needs-classification", "Cần phân loại?")
    p.user("classify-case", "Phân loại, xác định thẩm quyền", "reception-officer", "case-classify",
           due="${deadlines.due(routing.classifyRule, receivedAt)}", status="RECEIVED")
    p.xor("competent", "Thuộc thẩm quyền?")
    p.service("forward-case", "Chuyển đơn đến cơ quan có thẩm quyền", "${caseFile.forward(execution)}")
    p.call("handle-case", "Giải quyết theo loại đơn", "${routing.processKey}")
    p.end("case-finished", "Hồ sơ kết thúc")
    p.flow("case-received", "route-intake")
    p.chain("route-intake", "assign-unit", "needs-classification")
    p.flow("needs-classification", "withdrawn-before-classification", "${routing.needsClassification}", "Có")
    p.xor("withdrawn-before-classification", "Đã rút đơn trước khi phân loại?")
    p.flow("withdrawn-before-classification", "classify-case", "${!withdrawnOnReceipt}", "Không")
    p.flow("withdrawn-before-classification", "withdrawn-denunciation", "${withdrawnOnReceipt}", "Có")
    p.flow("needs-classification", "handle-case", "${!routing.needsClassification}", "Không (khiếu nại lần hai)")
    p.flow("classify-case", "competent")
    p.flow("competent", "handle-case", "${competent}", "Có")
    p.flow("competent", "forward-case", "${!competent}", "Không")
    p.flow("forward-case", "classify-case")
    p.flow("handle-case", "case-finished")
    # withdrawn while being classified: a complaint or petition ends; a denunciation goes on where the
    # handling officer sees signs of violation (Law on Denunciations Art. 33)
    p.message_boundary("withdrawn-in-classification", "Công dân rút đơn", "classify-case", "case-withdrawn")
    p.xor("withdrawn-denunciation", "Là đơn tố cáo?")
    p.user("decide-continuation", "Xem xét tiếp tục giải quyết khi rút tố cáo", "handling-officer",
           "denunciation-continuation")
    p.xor("continue-after-withdrawal", "Có dấu hiệu vi phạm?")
    p.service("close-withdrawn", "Đình chỉ giải quyết do rút đơn", "${caseFile.close(execution, 'WITHDRAWN')}")
    p.end("withdrawal-closed", "Đã đình chỉ")
    p.flow("withdrawn-in-classification", "withdrawn-denunciation")
    p.flow("withdrawn-denunciation", "decide-continuation", "${kind == 'DENUNCIATION'}", "Có")
    p.flow("withdrawn-denunciation", "close-withdrawn", "${kind != 'DENUNCIATION'}", "Không")
    p.flow("decide-continuation", "continue-after-withdrawal")
    p.flow("continue-after-withdrawal", "classify-case", "${continueHandling}", "Có: tiếp tục")
    p.flow("continue-after-withdrawal", "close-withdrawn", "${!continueHandling}", "Không: đình chỉ")
    p.flow("close-withdrawn", "withdrawal-closed")
    p.write()


def complaint():
    p = Process("complaint", "Giải quyết khiếu nại")
    p.start("complaint-started", "Khiếu nại thuộc thẩm quyền")
    p.user("accept-complaint", "Thụ lý hoặc từ chối thụ lý khiếu nại", "unit-head", "complaint-accept",
           due="${deadlines.due('complaint.accept', receivedAt)}", status="RECEIVED")
    p.xor("complaint-accepted", "Thụ lý?")
    p.service("refuse-complaint", "Thông báo không thụ lý", "${caseFile.refuse(execution, refusalGround)}")
    p.end("complaint-refused", "Không thụ lý")
    p.service("accept-complaint-recorded", "Thông báo thụ lý", "${caseFile.accepted(execution, 'Khiếu nại đã được thụ lý giải quyết.')}")
    p.rule("complaint-deadline", "Xác định thời hạn giải quyết", "complaint-deadline", "resolveRule", "singleEntry")
    p.service("start-resolution-clock", "Tính hạn giải quyết", "${caseFile.startClock(execution, resolveRule, 'acceptedAt', 'resolveDue')}")
    p.user("verify-complaint", "Xác minh nội dung khiếu nại", "handling-officer", "complaint-verify",
           due="${resolveDue}", status="VERIFYING")
    p.xor("complexity-proposed", "Đề xuất vụ việc phức tạp?")
    p.user("decide-complexity", "Quyết định vụ việc phức tạp", "unit-head", "complaint-complexity",
           due="${resolveDue}", status="VERIFYING", outputs={"complexDecided": "${true}"})
    p.xor("dialogue-needed", "Cần đối thoại?")
    p.user("hold-dialogue", "Tổ chức đối thoại", "handling-officer", "complaint-dialogue",
           due="${resolveDue}", status="DIALOGUE")
    p.service("dialogue-recorded", "Thông báo kết quả đối thoại", "${caseFile.publicNote(execution, 'Đã tổ chức đối thoại với người khiếu nại.')}")
    p.user("draft-decision", "Dự thảo quyết định giải quyết", "handling-officer", "complaint-draft-decision",
           due="${resolveDue}", status="DECIDING")
    p.user("sign-decision", "Ký quyết định giải quyết", "unit-head", "complaint-sign-decision",
           due="${resolveDue}", status="DECIDING", outputs={"signedAt": "${now()}"})
    p.xor("decision-signed", "Ký ban hành?")
    p.service("decision-send-clock", "Tính hạn gửi quyết định", "${caseFile.startClock(execution, 'complaint.decision-send', 'signedAt', 'sendDue')}")
    p.user("send-decision", "Gửi quyết định cho người khiếu nại", "reception-officer", "case-send-decision",
           due="${sendDue}", status="DECIDING")
    p.service("publish-decision", "Công bố quyết định cho công dân", "${caseFile.publishDecision(execution, decisionDraft)}")
    p.end("complaint-decided", "Đã giải quyết khiếu nại")
    p.chain("complaint-started", "accept-complaint", "complaint-accepted")
    p.flow("complaint-accepted", "refuse-complaint", "${!accepted}", "Không")
    p.flow("refuse-complaint", "complaint-refused")
    p.flow("complaint-accepted", "accept-complaint-recorded", "${accepted}", "Có")
    p.chain("accept-complaint-recorded", "complaint-deadline", "start-resolution-clock", "verify-complaint", "complexity-proposed")
    p.flow("complexity-proposed", "decide-complexity", "${proposeComplex && !complexDecided}", "Có")
    p.flow("decide-complexity", "complaint-deadline")
    p.flow("complexity-proposed", "dialogue-needed", "${!proposeComplex || complexDecided}", "Không")
    p.flow("dialogue-needed", "hold-dialogue", "${round == 2 || !demandMatchesFindings}", "Có")
    p.flow("dialogue-needed", "draft-decision", "${round != 2 && demandMatchesFindings}", "Không")
    p.chain("hold-dialogue", "dialogue-recorded", "draft-decision", "sign-decision", "decision-signed")
    p.flow("decision-signed", "draft-decision", "${!approved}", "Trả lại")
    p.flow("decision-signed", "decision-send-clock", "${approved}", "Ký")
    p.chain("decision-send-clock", "send-decision", "publish-decision", "complaint-decided")
    p.withdrawal = SIMPLE_WITHDRAWAL
    p.write()


def denunciation():
    p = Process("denunciation", "Giải quyết tố cáo")
    p.start("denunciation-started", "Tố cáo thuộc thẩm quyền")
    p.user("initial-handling", "Xử lý ban đầu thông tin tố cáo", "handling-officer", "denunciation-initial",
           due="${deadlines.due(multiSite ? 'denunciation.initial.multi-site' : 'denunciation.initial', receivedAt)}",
           status="RECEIVED")
    p.xor("denunciation-proposed", "Đủ điều kiện thụ lý?")
    p.service("refuse-denunciation", "Thông báo không thụ lý", "${caseFile.refuse(execution, refusalReason)}")
    p.end("denunciation-refused", "Không thụ lý")
    p.user("approve-acceptance", "Ký quyết định thụ lý tố cáo", "unit-head", "denunciation-approve",
           due="${deadlines.due(multiSite ? 'denunciation.initial.multi-site' : 'denunciation.initial', receivedAt)}",
           status="RECEIVED")
    p.xor("acceptance-signed", "Ký thụ lý?")
    p.service("denunciation-accepted", "Thông báo thụ lý", "${caseFile.accepted(execution, 'Tố cáo đã được thụ lý giải quyết.')}")
    p.service("start-denunciation-clock", "Tính hạn giải quyết", "${caseFile.startClock(execution, 'denunciation.resolve', 'acceptedAt', 'resolveDue')}")
    p.user("verify-denunciation", "Xác minh nội dung tố cáo", "handling-officer", "denunciation-verify",
           due="${resolveDue}", status="VERIFYING")
    p.xor("extension-requested", "Đề nghị gia hạn?")
    p.user("decide-extension", "Quyết định gia hạn giải quyết", "unit-head", "denunciation-extension",
           due="${resolveDue}", status="VERIFYING")
    p.xor("extension-approved", "Gia hạn?")
    p.service("extend-deadline", "Gia hạn thời hạn giải quyết", "${caseFile.extend(execution)}")
    p.user("draft-conclusion", "Dự thảo kết luận nội dung tố cáo", "handling-officer", "denunciation-draft-conclusion",
           due="${resolveDue}", status="DECIDING")
    p.user("sign-conclusion", "Ký kết luận nội dung tố cáo", "unit-head", "denunciation-sign-conclusion",
           due="${resolveDue}", status="DECIDING", outputs={"signedAt": "${now()}"})
    p.xor("conclusion-signed", "Ký ban hành?")
    p.service("conclusion-send-clock", "Tính hạn gửi kết luận", "${caseFile.startClock(execution, 'denunciation.conclusion-send', 'signedAt', 'sendDue')}")
    p.user("send-conclusion", "Gửi kết luận cho người tố cáo", "reception-officer", "case-send-decision",
           due="${sendDue}", status="DECIDING")
    p.service("publish-conclusion", "Công bố kết luận", "${caseFile.publishDecision(execution, decisionDraft)}")
    p.end("denunciation-concluded", "Đã kết luận nội dung tố cáo")
    p.chain("denunciation-started", "initial-handling", "denunciation-proposed")
    p.flow("denunciation-proposed", "refuse-denunciation", "${!accepted}", "Không")
    p.flow("refuse-denunciation", "denunciation-refused")
    p.flow("denunciation-proposed", "approve-acceptance", "${accepted}", "Có")
    p.flow("approve-acceptance", "acceptance-signed")
    p.flow("acceptance-signed", "initial-handling", "${!approved}", "Trả lại")
    p.flow("acceptance-signed", "denunciation-accepted", "${approved}", "Ký")
    p.chain("denunciation-accepted", "start-denunciation-clock", "verify-denunciation", "extension-requested")
    p.flow("extension-requested", "decide-extension", "${requestExtension && extensions < (especiallyComplex ? 2 : 1)}", "Có")
    p.flow("extension-requested", "draft-conclusion", "${!requestExtension || extensions >= (especiallyComplex ? 2 : 1)}", "Không")
    p.flow("decide-extension", "extension-approved")
    p.flow("extension-approved", "extend-deadline", "${extensionApproved}", "Có")
    p.flow("extension-approved", "verify-denunciation", "${!extensionApproved}", "Không")
    p.flow("extend-deadline", "verify-denunciation")
    p.chain("draft-conclusion", "sign-conclusion", "conclusion-signed")
    p.flow("conclusion-signed", "draft-conclusion", "${!approved}", "Trả lại")
    p.flow("conclusion-signed", "conclusion-send-clock", "${approved}", "Ký")
    p.chain("conclusion-send-clock", "send-conclusion", "publish-conclusion", "denunciation-concluded")
    # withdrawing a denunciation does not end it by itself: signs of violation keep it going (Art. 33)
    p.withdrawal = withdrawal(False, '''      <bpmn:sequenceFlow id="withdrawal-flow-1" sourceRef="withdrawn" targetRef="decide-continuation" />
      <bpmn:userTask id="decide-continuation" name="Xem xét tiếp tục giải quyết khi rút tố cáo" camunda:candidateGroups="${unitCode}:handling-officer" camunda:formRef="denunciation-continuation" camunda:formRefBinding="deployment">
        <bpmn:incoming>withdrawal-flow-1</bpmn:incoming>
        <bpmn:outgoing>withdrawal-flow-2</bpmn:outgoing>
      </bpmn:userTask>
      <bpmn:sequenceFlow id="withdrawal-flow-2" sourceRef="decide-continuation" targetRef="continue-after-withdrawal" />
      <bpmn:exclusiveGateway id="continue-after-withdrawal" name="Có dấu hiệu vi phạm?">
        <bpmn:incoming>withdrawal-flow-2</bpmn:incoming>
        <bpmn:outgoing>withdrawal-flow-3</bpmn:outgoing>
        <bpmn:outgoing>withdrawal-flow-4</bpmn:outgoing>
      </bpmn:exclusiveGateway>
      <bpmn:sequenceFlow id="withdrawal-flow-3" name="Có: tiếp tục" sourceRef="continue-after-withdrawal" targetRef="continued">
        <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${continueHandling}</bpmn:conditionExpression>
      </bpmn:sequenceFlow>
      <bpmn:endEvent id="continued" name="Tiếp tục giải quyết">
        <bpmn:incoming>withdrawal-flow-3</bpmn:incoming>
      </bpmn:endEvent>
      <bpmn:sequenceFlow id="withdrawal-flow-4" name="Không: đình chỉ" sourceRef="continue-after-withdrawal" targetRef="stop-handling">
        <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${!continueHandling}</bpmn:conditionExpression>
      </bpmn:sequenceFlow>
      <bpmn:endEvent id="stop-handling" name="Đình chỉ giải quyết">
        <bpmn:incoming>withdrawal-flow-4</bpmn:incoming>
        <bpmn:errorEventDefinition errorRef="handling-stopped" />
      </bpmn:endEvent>
    </bpmn:subProcess>
    <bpmn:subProcess id="stopped" name="Đình chỉ giải quyết tố cáo" triggeredByEvent="true">
      <bpmn:startEvent id="handling-stopped-caught" name="Quyết định đình chỉ" isInterrupting="true">
        <bpmn:outgoing>stopped-flow-1</bpmn:outgoing>
        <bpmn:errorEventDefinition errorRef="handling-stopped" />
      </bpmn:startEvent>
      <bpmn:sequenceFlow id="stopped-flow-1" sourceRef="handling-stopped-caught" targetRef="close-withdrawn" />
      <bpmn:serviceTask id="close-withdrawn" name="Đình chỉ giải quyết do rút tố cáo" camunda:expression="${caseFile.close(execution, 'WITHDRAWN')}">
        <bpmn:incoming>stopped-flow-1</bpmn:incoming>
        <bpmn:outgoing>stopped-flow-2</bpmn:outgoing>
      </bpmn:serviceTask>
      <bpmn:sequenceFlow id="stopped-flow-2" sourceRef="close-withdrawn" targetRef="withdrawal-closed" />
      <bpmn:endEvent id="withdrawal-closed" name="Đã đình chỉ">
        <bpmn:incoming>stopped-flow-2</bpmn:incoming>
      </bpmn:endEvent>''')
    p.write()


def petition():
    p = Process("petition", "Xử lý kiến nghị, phản ánh")
    p.start("petition-received", "Kiến nghị thuộc thẩm quyền")
    p.user("acknowledge-petition", "Thông báo việc tiếp nhận, xử lý", "reception-officer", "petition-acknowledge",
           due="${deadlines.due('petition.respond', receivedAt)}", status="RECEIVED")
    p.service("acknowledgement-published", "Gửi thông báo cho công dân", "${caseFile.publicNote(execution, acknowledgement)}")
    p.xor("petition-outcome", "Kết quả phân loại")
    p.service("refuse-petition", "Không xử lý", "${caseFile.refuse(execution, acknowledgement)}")
    p.end("petition-refused", "Không xử lý")
    p.service("start-handling-clock", "Tính hạn xử lý", "${caseFile.startClock(execution, 'petition.handle', 'receivedAt', 'handleDue')}")
    p.user("handle-petition", "Xử lý và trả lời kiến nghị", "handling-officer", "petition-handle",
           due="${handleDue}", status="VERIFYING")
    p.service("publish-answer", "Trả lời công dân", "${caseFile.answer(execution, answer)}")
    p.end("petition-answered", "Đã trả lời công dân")
    p.chain("petition-received", "acknowledge-petition", "acknowledgement-published", "petition-outcome")
    p.flow("petition-outcome", "refuse-petition", "${classification == 'refused'}", "Không xử lý")
    p.flow("refuse-petition", "petition-refused")
    p.flow("petition-outcome", "start-handling-clock", "${classification != 'refused'}", "Xử lý")
    p.chain("start-handling-clock", "handle-petition", "publish-answer", "petition-answered")
    p.withdrawal = SIMPLE_WITHDRAWAL
    p.write()


if __name__ == "__main__":
    citizen_case()
    complaint()
    denunciation()
    petition()
