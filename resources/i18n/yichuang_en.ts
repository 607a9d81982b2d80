<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
  <context>
    <name>ApplicantStep</name>
    <message>
      <source>代理人</source>
      <translation>Agent</translation>
    </message>
    <message>
      <source>已从本站记录中带出申请人信息，请核对。</source>
      <translation>Applicant details filled in from this station's records; please check them.</translation>
    </message>
    <message>
      <source>由代理人代为办理(&amp;G)</source>
      <translation>Applied for by an a&amp;gent</translation>
    </message>
    <message>
      <source>申请人</source>
      <translation>Applicant</translation>
    </message>
  </context>
  <context>
    <name>BadReviewsPage</name>
    <message>
      <source>不满意</source>
      <translation>Dissatisfied</translation>
    </message>
    <message>
      <source>业务不熟练</source>
      <translation>Lacked skill</translation>
    </message>
    <message>
      <source>共 {0} 条，超期 {1} 条</source>
      <translation>{0} in all, {1} overdue</translation>
    </message>
    <message>
      <source>其他</source>
      <translation>Other</translation>
    </message>
    <message>
      <source>原因</source>
      <translation>Reasons</translation>
    </message>
    <message>
      <source>告知不清楚</source>
      <translation>Unclear information</translation>
    </message>
    <message>
      <source>回访</source>
      <translation>Call-back</translation>
    </message>
    <message>
      <source>回访情况（联系结果、申请人意见）：</source>
      <translation>Call-back (outcome of contact, applicant's view):</translation>
    </message>
    <message>
      <source>场所设施不便</source>
      <translation>Poor facilities</translation>
    </message>
    <message>
      <source>基本满意</source>
      <translation>Fairly satisfied</translation>
    </message>
    <message>
      <source>复核意见：</source>
      <translation>Review opinion:</translation>
    </message>
    <message>
      <source>复核是否通过？通过则剔除该差评；驳回则回到整改。</source>
      <translation>Is the appeal upheld? Upheld removes this bad review; rejected returns it to rectification.</translation>
    </message>
    <message>
      <source>复核结果</source>
      <translation>Review result</translation>
    </message>
    <message>
      <source>复核结果 (Ctrl+5)</source>
      <translation>Review result (Ctrl+5)</translation>
    </message>
    <message>
      <source>复核通过（剔除）</source>
      <translation>Upheld (removed)</translation>
    </message>
    <message>
      <source>复核驳回</source>
      <translation>Rejected</translation>
    </message>
    <message>
      <source>已办结</source>
      <translation>Closed</translation>
    </message>
    <message>
      <source>已回访</source>
      <translation>Called back</translation>
    </message>
    <message>
      <source>待指派</source>
      <translation>Unassigned</translation>
    </message>
    <message>
      <source>意见</source>
      <translation>Comment</translation>
    </message>
    <message>
      <source>截止日期</source>
      <translation>Due date</translation>
    </message>
    <message>
      <source>指派给我 (Ctrl+1)</source>
      <translation>Assign to me (Ctrl+1)</translation>
    </message>
    <message>
      <source>效率低、等候久</source>
      <translation>Slow, long wait</translation>
    </message>
    <message>
      <source>整改</source>
      <translation>Rectification</translation>
    </message>
    <message>
      <source>整改中</source>
      <translation>Rectifying</translation>
    </message>
    <message>
      <source>整改措施和结果：</source>
      <translation>Rectification measures and result:</translation>
    </message>
    <message>
      <source>显示已办结</source>
      <translation>Show closed</translation>
    </message>
    <message>
      <source>服务态度差</source>
      <translation>Poor attitude</translation>
    </message>
    <message>
      <source>材料多、重复提交</source>
      <translation>Too many or repeated materials</translation>
    </message>
    <message>
      <source>满意</source>
      <translation>Satisfied</translation>
    </message>
    <message>
      <source>状态</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>申诉</source>
      <translation>Appeal</translation>
    </message>
    <message>
      <source>申诉 (Ctrl+4)</source>
      <translation>Appeal (Ctrl+4)</translation>
    </message>
    <message>
      <source>申诉中</source>
      <translation>Appealing</translation>
    </message>
    <message>
      <source>申诉理由和依据（误评、恶意差评等）：</source>
      <translation>Grounds for the appeal (mistaken or malicious rating, etc.):</translation>
    </message>
    <message>
      <source>被评人员</source>
      <translation>Rated clerk</translation>
    </message>
    <message>
      <source>记录回访</source>
      <translation>Record call-back</translation>
    </message>
    <message>
      <source>记录回访 (Ctrl+2)</source>
      <translation>Record call-back (Ctrl+2)</translation>
    </message>
    <message>
      <source>记录整改</source>
      <translation>Record rectification</translation>
    </message>
    <message>
      <source>记录整改并办结 (Ctrl+3)</source>
      <translation>Rectify and close (Ctrl+3)</translation>
    </message>
    <message>
      <source>评价</source>
      <translation>Rating</translation>
    </message>
    <message>
      <source>负责人</source>
      <translation>Assignee</translation>
    </message>
    <message>
      <source>非常不满意</source>
      <translation>Very dissatisfied</translation>
    </message>
    <message>
      <source>非常满意</source>
      <translation>Very satisfied</translation>
    </message>
    <message>
      <source>（超期）</source>
      <translation> (overdue)</translation>
    </message>
  </context>
  <context>
    <name>CasesPage</name>
    <message>
      <source>·承诺不实</source>
      <translation> · false pledge</translation>
    </message>
    <message>
      <source>事项</source>
      <translation>Item</translation>
    </message>
    <message>
      <source>全部状态</source>
      <translation>All statuses</translation>
    </message>
    <message>
      <source>办件编号</source>
      <translation>Case no.</translation>
    </message>
    <message>
      <source>办件编号、申请人、事项（Ctrl+F）</source>
      <translation>Case no., applicant, item (Ctrl+F)</translation>
    </message>
    <message>
      <source>办结期限</source>
      <translation>Due date</translation>
    </message>
    <message>
      <source>只看超期(&amp;O)</source>
      <translation>&amp;Overdue only</translation>
    </message>
    <message>
      <source>状态</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>申请人</source>
      <translation>Applicant</translation>
    </message>
  </context>
  <context>
    <name>CataloguePage</name>
    <message>
      <source>事项名称</source>
      <translation>Service item</translation>
    </message>
    <message>
      <source>事项类型</source>
      <translation>Item type</translation>
    </message>
    <message>
      <source>事项编码</source>
      <translation>Item code</translation>
    </message>
    <message>
      <source>全部类型</source>
      <translation>All types</translation>
    </message>
    <message>
      <source>全部部门</source>
      <translation>All departments</translation>
    </message>
    <message numerus="yes">
      <source>共 %n 项</source>
      <translation>
        <numerusform>%n item</numerusform>
        <numerusform>%n items</numerusform>
      </translation>
    </message>
    <message>
      <source>办件类型</source>
      <translation>Case type</translation>
    </message>
    <message>
      <source>办理地点</source>
      <translation>Where to apply</translation>
    </message>
    <message>
      <source>办理情形</source>
      <translation>Situations</translation>
    </message>
    <message>
      <source>办理结果</source>
      <translation>Result</translation>
    </message>
    <message>
      <source>原件</source>
      <translation>Originals</translation>
    </message>
    <message>
      <source>受理条件</source>
      <translation>Conditions</translation>
    </message>
    <message>
      <source>可告知承诺（替代：%1）</source>
      <translation>Pledge accepted (instead of: %1)</translation>
    </message>
    <message>
      <source>可容缺</source>
      <translation>May be supplied later</translation>
    </message>
    <message>
      <source>咨询电话</source>
      <translation>Enquiries</translation>
    </message>
    <message>
      <source>复印件</source>
      <translation>Copies</translation>
    </message>
    <message>
      <source>实施部门</source>
      <translation>Department</translation>
    </message>
    <message>
      <source>序号</source>
      <translation>No.</translation>
    </message>
    <message>
      <source>必要性</source>
      <translation>Required?</translation>
    </message>
    <message>
      <source>承诺时限</source>
      <translation>Promised time limit</translation>
    </message>
    <message>
      <source>收费</source>
      <translation>Fee</translation>
    </message>
    <message>
      <source>材料名称</source>
      <translation>Material</translation>
    </message>
    <message>
      <source>法定时限</source>
      <translation>Legal time limit</translation>
    </message>
    <message>
      <source>申请材料</source>
      <translation>Materials</translation>
    </message>
    <message>
      <source>电子证照可免提交</source>
      <translation>Not needed if an e-licence exists</translation>
    </message>
    <message>
      <source>监督投诉电话</source>
      <translation>Complaints</translation>
    </message>
    <message>
      <source>类型</source>
      <translation>Type</translation>
    </message>
    <message>
      <source>编码</source>
      <translation>Code</translation>
    </message>
    <message>
      <source>设定依据</source>
      <translation>Legal basis</translation>
    </message>
    <message>
      <source>说明</source>
      <translation>Notes</translation>
    </message>
    <message>
      <source>适用情形：</source>
      <translation>Applies to: </translation>
    </message>
    <message>
      <source>选择左侧事项查看办事指南。</source>
      <translation>Select an item on the left to see its service guide.</translation>
    </message>
    <message>
      <source>部门</source>
      <translation>Department</translation>
    </message>
  </context>
  <context>
    <name>CustomerScreen</name>
    <message>
      <source>{window} 号窗口</source>
      <translation>Window {window}</translation>
    </message>
    <message>
      <source>叫号显示</source>
      <translation>Queue display</translation>
    </message>
    <message>
      <source>欢迎光临，请取号等候</source>
      <translation>Welcome. Please take a number and wait.</translation>
    </message>
    <message>
      <source>请 {ticket} 号到 {window} 号窗口办理</source>
      <translation>Number {ticket}, please go to window {window}</translation>
    </message>
    <message>
      <source>请以下号码做好准备：</source>
      <translation>Please get ready:</translation>
    </message>
  </context>
  <context>
    <name>DecisionStep</name>
    <message>
      <source>一次性告知补正(&amp;S)</source>
      <translation>Request &amp;supplements (one notice)</translation>
    </message>
    <message>
      <source>不予受理(&amp;J)</source>
      <translation>Re&amp;ject</translation>
    </message>
    <message>
      <source>不予受理理由</source>
      <translation>Reason for rejection</translation>
    </message>
    <message>
      <source>例如：《中华人民共和国行政许可法》第三十二条第一款第（二）项</source>
      <translation>e.g. Administrative Licensing Law, art. 32(1)(2)</translation>
    </message>
    <message>
      <source>受理(&amp;A)</source>
      <translation>&amp;Accept</translation>
    </message>
    <message>
      <source>有权机关（非本机关职权时）</source>
      <translation>Competent agency (if not ours)</translation>
    </message>
    <message>
      <source>材料判断：</source>
      <translation>Materials: </translation>
    </message>
    <message>
      <source>法律依据</source>
      <translation>Legal basis</translation>
    </message>
  </context>
  <context>
    <name>DistrictPanel</name>
    <message>
      <source>全区</source>
      <translation>District</translation>
    </message>
    <message>
      <source>全厅</source>
      <translation>Hall</translation>
    </message>
    <message>
      <source>全厅/全区</source>
      <translation>Hall / district</translation>
    </message>
    <message>
      <source>办结号数</source>
      <translation>Tickets finished</translation>
    </message>
    <message>
      <source>区平台不可达，仅显示本窗口数据</source>
      <translation>District platform unreachable; showing this window only</translation>
    </message>
    <message>
      <source>取号数</source>
      <translation>Tickets issued</translation>
    </message>
    <message>
      <source>差评工单</source>
      <translation>Bad-review tickets</translation>
    </message>
    <message>
      <source>指标</source>
      <translation>Measure</translation>
    </message>
    <message>
      <source>收件数</source>
      <translation>Cases received</translation>
    </message>
    <message>
      <source>数据来自区平台（{0} 个大厅）；尚未上传的不计入。</source>
      <translation>From the district platform ({0} halls); data not yet uploaded is not counted.</translation>
    </message>
    <message>
      <source>本窗口</source>
      <translation>This window</translation>
    </message>
    <message>
      <source>正在向区平台查询…</source>
      <translation>Querying the district platform…</translation>
    </message>
    <message>
      <source>评价数</source>
      <translation>Ratings</translation>
    </message>
  </context>
  <context>
    <name>DocumentsPanel</name>
    <message>
      <source>待打印任务 (Ctrl+Shift+P)</source>
      <translation>Pending prints (Ctrl+Shift+P)</translation>
    </message>
    <message>
      <source>补打 (Alt+U)</source>
      <translation>Reprint (Alt+U)</translation>
    </message>
    <message>
      <source>预览/打印 (Alt+P)</source>
      <translation>Preview/print (Alt+P)</translation>
    </message>
  </context>
  <context>
    <name>DoneStep</name>
    <message>
      <source>办理完成</source>
      <translation>Done</translation>
    </message>
    <message>
      <source>办结期限</source>
      <translation>Due date</translation>
    </message>
    <message>
      <source>按 Alt+N 开始下一件受理。</source>
      <translation>Press Alt+N to start the next intake.</translation>
    </message>
    <message>
      <source>本次出具的文书（Alt+P 预览/打印，Alt+U 补打）</source>
      <translation>Documents issued (Alt+P preview/print, Alt+U reprint)</translation>
    </message>
    <message>
      <source>查询密码</source>
      <translation>Query password</translation>
    </message>
    <message>
      <source>补齐材料后起算</source>
      <translation>Counted from when materials are complete</translation>
    </message>
  </context>
  <context>
    <name>FiguresPanel</name>
    <message>
      <source>今日办结</source>
      <translation>Finished today</translation>
    </message>
    <message>
      <source>今日实时数据</source>
      <translation>Today, live</translation>
    </message>
    <message>
      <source>办理 中位/P90</source>
      <translation>Service median/P90</translation>
    </message>
    <message>
      <source>各类别等候</source>
      <translation>Waiting by category</translation>
    </message>
    <message>
      <source>暂停时长</source>
      <translation>Paused</translation>
    </message>
    <message>
      <source>最长等候</source>
      <translation>Longest wait</translation>
    </message>
    <message>
      <source>等候 中位/P90</source>
      <translation>Wait median/P90</translation>
    </message>
    <message>
      <source>等候人数</source>
      <translation>Waiting</translation>
    </message>
    <message>
      <source>过号（比例）</source>
      <translation>Missed (rate)</translation>
    </message>
    <message>
      <source>重呼次数</source>
      <translation>Recalls</translation>
    </message>
  </context>
  <context>
    <name>FormRenderer</name>
    <message>
      <source>11位手机号码</source>
      <translation>11-digit mobile number</translation>
    </message>
    <message>
      <source>18位统一社会信用代码</source>
      <translation>18-character USCC</translation>
    </message>
    <message>
      <source>18位身份证号码</source>
      <translation>18-digit resident ID</translation>
    </message>
    <message>
      <source>删除此行</source>
      <translation>Delete this row</translation>
    </message>
    <message>
      <source>添加一行</source>
      <translation>Add a row</translation>
    </message>
    <message>
      <source>第 %1 行</source>
      <translation>Row %1</translation>
    </message>
  </context>
  <context>
    <name>FormStep</name>
    <message>
      <source>申请表有未填或填写有误的项目，已在对应位置标出。</source>
      <translation>Some form fields are empty or wrong; they are marked in place.</translation>
    </message>
    <message>
      <source>该事项无需填写申请表。</source>
      <translation>This item needs no application form.</translation>
    </message>
  </context>
  <context>
    <name>IntakePage</name>
    <message>
      <source>1 申请人</source>
      <translation>1 Applicant</translation>
    </message>
    <message>
      <source>2 事项</source>
      <translation>2 Items</translation>
    </message>
    <message>
      <source>3 材料清单</source>
      <translation>3 Materials</translation>
    </message>
    <message>
      <source>4 申请表</source>
      <translation>4 Form</translation>
    </message>
    <message>
      <source>5 决定</source>
      <translation>5 Decision</translation>
    </message>
    <message>
      <source>6 完成</source>
      <translation>6 Done</translation>
    </message>
    <message>
      <source>上一步 (Alt+B)</source>
      <translation>Back (Alt+B)</translation>
    </message>
    <message>
      <source>下一件 (Alt+N)</source>
      <translation>Next intake (Alt+N)</translation>
    </message>
    <message>
      <source>下一步 (Alt+N)</source>
      <translation>Next (Alt+N)</translation>
    </message>
    <message>
      <source>放弃本次受理</source>
      <translation>Abandon this intake</translation>
    </message>
    <message>
      <source>确认办理 (Alt+N)</source>
      <translation>Confirm (Alt+N)</translation>
    </message>
    <message>
      <source>请选择受理、补正或不予受理。</source>
      <translation>Choose accept, request supplements or reject.</translation>
    </message>
  </context>
  <context>
    <name>IssueDialog</name>
    <message>
      <source>业务类别</source>
      <translation>Service category</translation>
    </message>
    <message>
      <source>优先类别</source>
      <translation>Priority group</translation>
    </message>
    <message>
      <source>关闭 Esc</source>
      <translation>Close Esc</translation>
    </message>
    <message>
      <source>出号 Enter</source>
      <translation>Issue Enter</translation>
    </message>
    <message>
      <source>取号</source>
      <translation>Take a number</translation>
    </message>
    <message>
      <source>小票已打印</source>
      <translation>Ticket printed</translation>
    </message>
    <message>
      <source>小票未打印：</source>
      <translation>Ticket not printed: </translation>
    </message>
    <message>
      <source>已出号 {ticket}（前面 {ahead} 人）</source>
      <translation>Issued {ticket} ({ahead} ahead)</translation>
    </message>
    <message>
      <source>未打印（未配置小票打印机）</source>
      <translation>Not printed (no ticket printer set up)</translation>
    </message>
    <message>
      <source>预约签到时填写身份证号，否则留空</source>
      <translation>For appointment check-in enter the ID number; otherwise leave empty</translation>
    </message>
    <message>
      <source>预约身份证号</source>
      <translation>Appointment ID number</translation>
    </message>
  </context>
  <context>
    <name>ItemsStep</name>
    <message>
      <source>一件事：</source>
      <translation>Bundle: </translation>
    </message>
    <message>
      <source>已选事项</source>
      <translation>Chosen items</translation>
    </message>
    <message>
      <source>情形（决定需要哪些材料）</source>
      <translation>Situations (decide which materials are needed)</translation>
    </message>
    <message>
      <source>打印一次性告知单（咨询，不建办件）(Alt+Y)</source>
      <translation>Print one-time notice (enquiry, no case) (Alt+Y)</translation>
    </message>
    <message>
      <source>移除所选事项(&amp;R)</source>
      <translation>&amp;Remove chosen item</translation>
    </message>
    <message>
      <source>请先在搜索结果中选中一个事项（一件事请选其中的事项）。</source>
      <translation>First select an item in the search results (for a bundle, select one of its items).</translation>
    </message>
    <message>
      <source>请至少选择一个事项。</source>
      <translation>Choose at least one item.</translation>
    </message>
  </context>
  <context>
    <name>LockOverlay</name>
    <message>
      <source>%1，请输入密码解锁</source>
      <translation>%1, enter your password to unlock</translation>
    </message>
    <message>
      <source>密码不正确（连续输错5次将锁定账号15分钟）。</source>
      <translation>Wrong password (5 wrong attempts in a row lock the account for 15 minutes).</translation>
    </message>
    <message>
      <source>窗口已锁定</source>
      <translation>Window locked</translation>
    </message>
    <message>
      <source>解锁</source>
      <translation>Unlock</translation>
    </message>
  </context>
  <context>
    <name>LoginDialog</name>
    <message>
      <source>一窗 综合受理 — 登录</source>
      <translation>Yichuang Intake — Log in</translation>
    </message>
    <message>
      <source>密码</source>
      <translation>Password</translation>
    </message>
    <message>
      <source>演示环境</source>
      <translation>Demo</translation>
    </message>
    <message>
      <source>用户名</source>
      <translation>User name</translation>
    </message>
    <message>
      <source>登录 (Enter)</source>
      <translation>Log in (Enter)</translation>
    </message>
    <message>
      <source>综合受理窗口</source>
      <translation>Comprehensive intake window</translation>
    </message>
    <message>
      <source>请输入用户名。</source>
      <translation>Please enter a user name.</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>一窗 综合受理</source>
      <translation>Yichuang Intake</translation>
    </message>
    <message>
      <source>值班长</source>
      <translation>Supervisor</translation>
    </message>
    <message>
      <source>未连接区平台</source>
      <translation>Not connected to the district platform</translation>
    </message>
    <message>
      <source>演示环境</source>
      <translation>Demo</translation>
    </message>
    <message>
      <source>窗口</source>
      <translation>Window</translation>
    </message>
    <message>
      <source>窗口人员</source>
      <translation>Clerk</translation>
    </message>
    <message>
      <source>管理员</source>
      <translation>Administrator</translation>
    </message>
  </context>
  <context>
    <name>MaterialsStep</name>
    <message>
      <source>个工作日</source>
      <translation> working days</translation>
    </message>
    <message>
      <source>份数不足</source>
      <translation>not enough copies</translation>
    </message>
    <message>
      <source>即办件</source>
      <translation>Immediate</translation>
    </message>
    <message>
      <source>原件</source>
      <translation>Originals</translation>
    </message>
    <message>
      <source>受理判断</source>
      <translation>Decision</translation>
    </message>
    <message>
      <source>告知承诺书尚未签署</source>
      <translation>pledge not signed yet</translation>
    </message>
    <message>
      <source>复印件</source>
      <translation>Copies</translation>
    </message>
    <message>
      <source>容缺补交期限</source>
      <translation>Missing materials due by</translation>
    </message>
    <message>
      <source>必要材料不能设为不适用</source>
      <translation>a required material cannot be marked not applicable</translation>
    </message>
    <message>
      <source>情况</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>承诺书</source>
      <translation>Pledge</translation>
    </message>
    <message>
      <source>承诺时限</source>
      <translation>Promised time limit</translation>
    </message>
    <message>
      <source>未提交</source>
      <translation>not submitted</translation>
    </message>
    <message>
      <source>材料（*必要）</source>
      <translation>Materials (* required)</translation>
    </message>
    <message>
      <source>该材料不允许容缺</source>
      <translation>may not be supplied later</translation>
    </message>
    <message>
      <source>该材料不能以告知承诺代替</source>
      <translation>a pledge cannot replace it</translation>
    </message>
    <message>
      <source>该材料不能以电子证照代替</source>
      <translation>an e-licence cannot replace it</translation>
    </message>
  </context>
  <context>
    <name>PendingJobsDialog</name>
    <message>
      <source>共 %1 个未完成的打印任务。</source>
      <translation>%1 unfinished print jobs.</translation>
    </message>
    <message>
      <source>关闭 (Esc)</source>
      <translation>Close (Esc)</translation>
    </message>
    <message>
      <source>原因</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>尝试次数</source>
      <translation>Attempts</translation>
    </message>
    <message>
      <source>打印所选 (Enter)</source>
      <translation>Print selected (Enter)</translation>
    </message>
    <message>
      <source>打印机</source>
      <translation>Printer</translation>
    </message>
    <message>
      <source>撤销任务 (Del)</source>
      <translation>Cancel job (Del)</translation>
    </message>
    <message>
      <source>文书</source>
      <translation>Document</translation>
    </message>
    <message>
      <source>文书编号</source>
      <translation>Document no.</translation>
    </message>
    <message>
      <source>未完成的打印任务</source>
      <translation>Unfinished print jobs</translation>
    </message>
    <message>
      <source>状态</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>系统默认</source>
      <translation>System default</translation>
    </message>
    <message>
      <source>（补打）</source>
      <translation> (reprint)</translation>
    </message>
  </context>
  <context>
    <name>PersonBox</name>
    <message>
      <source>个人</source>
      <translation>Person</translation>
    </message>
    <message>
      <source>单位</source>
      <translation>Organisation</translation>
    </message>
    <message>
      <source>地址</source>
      <translation>Address</translation>
    </message>
    <message>
      <source>姓名/单位名称</source>
      <translation>Name / organisation</translation>
    </message>
    <message>
      <source>法定代表人</source>
      <translation>Legal representative</translation>
    </message>
    <message>
      <source>类型</source>
      <translation>Type</translation>
    </message>
    <message>
      <source>联系电话</source>
      <translation>Phone</translation>
    </message>
    <message>
      <source>证件号码</source>
      <translation>ID number</translation>
    </message>
    <message>
      <source>身份证18位或统一社会信用代码18位</source>
      <translation>18-digit resident ID or 18-character USCC</translation>
    </message>
  </context>
  <context>
    <name>PrintPreviewDialog</name>
    <message>
      <source>%1文书编号 %2 · %3 · 共 %4 页　　打印到：%5（%6）</source>
      <translation>%1Document no. %2 · %3 · %4 pages    Printer: %5 (%6)</translation>
    </message>
    <message>
      <source>A4 打印机</source>
      <translation>A4 printer</translation>
    </message>
    <message>
      <source>【补打】</source>
      <translation>[REPRINT] </translation>
    </message>
    <message>
      <source>保存为PDF</source>
      <translation>Save as PDF</translation>
    </message>
    <message>
      <source>保存为PDF (Ctrl+S)</source>
      <translation>Save as PDF (Ctrl+S)</translation>
    </message>
    <message>
      <source>关闭 (Esc)</source>
      <translation>Close (Esc)</translation>
    </message>
    <message>
      <source>小票打印机</source>
      <translation>Ticket printer</translation>
    </message>
    <message>
      <source>已保存为 PDF：</source>
      <translation>Saved as PDF: </translation>
    </message>
    <message>
      <source>已发送 %1 页，请查看打印机出纸。</source>
      <translation>Sent %1 pages; check the printer's output.</translation>
    </message>
    <message>
      <source>已打印并确认。</source>
      <translation>Printed and confirmed.</translation>
    </message>
    <message>
      <source>打印 (Ctrl+P)</source>
      <translation>Print (Ctrl+P)</translation>
    </message>
    <message>
      <source>打印任务已保留，不会丢失。请选择：</source>
      <translation>The print job is kept and will not be lost. Choose:</translation>
    </message>
    <message>
      <source>打印到：</source>
      <translation>Print to: </translation>
    </message>
    <message>
      <source>打印后未见纸张输出（经办人确认未打印成功）。</source>
      <translation>No paper came out (the clerk confirmed the print failed).</translation>
    </message>
    <message>
      <source>打印失败</source>
      <translation>Printing failed</translation>
    </message>
    <message>
      <source>打印失败，任务已保留：</source>
      <translation>Printing failed; the job is kept: </translation>
    </message>
    <message>
      <source>打印成功？
请查看纸张：内容完整、清晰即为成功。</source>
      <translation>Did it print?
Check the paper: complete and legible means success.</translation>
    </message>
    <message>
      <source>打印预览</source>
      <translation>Print preview</translation>
    </message>
    <message>
      <source>正在发送到打印机……</source>
      <translation>Sending to the printer…</translation>
    </message>
    <message>
      <source>确认打印结果</source>
      <translation>Confirm the print result</translation>
    </message>
    <message>
      <source>稍后再打</source>
      <translation>Print later</translation>
    </message>
    <message>
      <source>系统默认打印机</source>
      <translation>System default printer</translation>
    </message>
    <message>
      <source>这台电脑没有可用的打印机。请联系管理员安装，或保存为 PDF。</source>
      <translation>This computer has no usable printer. Ask the administrator to install one, or save as PDF.</translation>
    </message>
    <message>
      <source>选择其他打印机</source>
      <translation>Choose another printer</translation>
    </message>
    <message>
      <source>选择打印机</source>
      <translation>Choose a printer</translation>
    </message>
    <message>
      <source>重试</source>
      <translation>Retry</translation>
    </message>
  </context>
  <context>
    <name>PrinterSettings</name>
    <message>
      <source>%1（未连接）</source>
      <translation>%1 (not connected)</translation>
    </message>
    <message>
      <source>A4 打印机（通知书、告知书）</source>
      <translation>A4 printer (notices)</translation>
    </message>
    <message>
      <source>保存打印机设置</source>
      <translation>Save printer settings</translation>
    </message>
    <message>
      <source>小票打印机（回执、排队小票）</source>
      <translation>Ticket printer (receipts, queue tickets)</translation>
    </message>
    <message>
      <source>已保存。</source>
      <translation>Saved.</translation>
    </message>
    <message>
      <source>系统默认打印机</source>
      <translation>System default printer</translation>
    </message>
  </context>
  <context>
    <name>SearchBox</name>
    <message>
      <source>一件事</source>
      <translation>Bundle</translation>
    </message>
    <message>
      <source>输入事项名称、拼音、首字母或编码（Ctrl+K）</source>
      <translation>Item name, pinyin, initials or code (Ctrl+K)</translation>
    </message>
  </context>
  <context>
    <name>SettingsPage</name>
    <message>
      <source> 分钟</source>
      <translation> min</translation>
    </message>
    <message>
      <source>事项目录</source>
      <translation>Catalogue</translation>
    </message>
    <message>
      <source>事项目录 (*.json *.xlsx)</source>
      <translation>Catalogue (*.json *.xlsx)</translation>
    </message>
    <message>
      <source>保存</source>
      <translation>Save</translation>
    </message>
    <message>
      <source>保存日期</source>
      <translation>Save date</translation>
    </message>
    <message>
      <source>初始密码</source>
      <translation>Initial password</translation>
    </message>
    <message>
      <source>姓名</source>
      <translation>Full name</translation>
    </message>
    <message>
      <source>导入目录文件（JSON / XLSX）…</source>
      <translation>Import catalogue file (JSON / XLSX)…</translation>
    </message>
    <message>
      <source>已保存：下次登录起生效。</source>
      <translation>Saved: takes effect from the next login.</translation>
    </message>
    <message>
      <source>已导入目录版本 </source>
      <translation>Imported catalogue version </translation>
    </message>
    <message>
      <source>已确认 %1 年节假日安排。</source>
      <translation>Holidays of %1 confirmed.</translation>
    </message>
    <message>
      <source>当前目录版本：</source>
      <translation>Current catalogue version: </translation>
    </message>
    <message>
      <source>恢复正常</source>
      <translation>Back to normal</translation>
    </message>
    <message>
      <source>打印机</source>
      <translation>Printers</translation>
    </message>
    <message>
      <source>新建账号</source>
      <translation>New account</translation>
    </message>
    <message>
      <source>无操作自动锁屏</source>
      <translation>Lock when idle for</translation>
    </message>
    <message>
      <source>日期</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>用户名</source>
      <translation>User name</translation>
    </message>
    <message>
      <source>界面语言已保存，重新启动后生效。</source>
      <translation>Language saved; it takes effect after a restart.</translation>
    </message>
    <message>
      <source>界面语言（重新登录后生效）</source>
      <translation>Language (after logging in again)</translation>
    </message>
    <message>
      <source>确认该年节假日已录入完整</source>
      <translation>Confirm the year's holidays are complete</translation>
    </message>
    <message>
      <source>站点</source>
      <translation>Station</translation>
    </message>
    <message>
      <source>站点与窗口</source>
      <translation>Station and window</translation>
    </message>
    <message>
      <source>类型</source>
      <translation>Type</translation>
    </message>
    <message>
      <source>节假日调整（国办通知发布后由管理员维护）</source>
      <translation>Holiday adjustments (entered by the administrator after the State Council notice)</translation>
    </message>
    <message>
      <source>节假日（不计工作日）</source>
      <translation>Holiday (not a working day)</translation>
    </message>
    <message>
      <source>角色</source>
      <translation>Role</translation>
    </message>
    <message>
      <source>说明</source>
      <translation>Notes</translation>
    </message>
    <message>
      <source>说明，例如：2027年元旦</source>
      <translation>Note, e.g. New Year 2027</translation>
    </message>
    <message>
      <source>调休上班（计工作日）</source>
      <translation>Make-up workday (a working day)</translation>
    </message>
    <message>
      <source>账号</source>
      <translation>Accounts</translation>
    </message>
    <message>
      <source>选择事项目录文件</source>
      <translation>Choose a catalogue file</translation>
    </message>
    <message>
      <source>（尚未导入）</source>
      <translation>(not imported yet)</translation>
    </message>
    <message>
      <source>，窗口 </source>
      <translation>, window </translation>
    </message>
  </context>
  <context>
    <name>SetupDialog</name>
    <message>
      <source>一窗 — 首次设置</source>
      <translation>Yichuang — First-time setup</translation>
    </message>
    <message>
      <source>两次输入的密码不一致，请重新输入。</source>
      <translation>The two passwords differ. Please type them again.</translation>
    </message>
    <message>
      <source>再次输入密码</source>
      <translation>Repeat password</translation>
    </message>
    <message>
      <source>分中心</source>
      <translation>Sub-center</translation>
    </message>
    <message>
      <source>区中心</source>
      <translation>District center</translation>
    </message>
    <message>
      <source>区划代码（12位）</source>
      <translation>Area code (12 digits)</translation>
    </message>
    <message>
      <source>姓名</source>
      <translation>Full name</translation>
    </message>
    <message>
      <source>密码（至少8位，含字母和数字）</source>
      <translation>Password (8+ characters, letters and digits)</translation>
    </message>
    <message>
      <source>层级</source>
      <translation>Level</translation>
    </message>
    <message>
      <source>村社区站点</source>
      <translation>Village/community station</translation>
    </message>
    <message>
      <source>用户名</source>
      <translation>User name</translation>
    </message>
    <message>
      <source>窗口号</source>
      <translation>Window no.</translation>
    </message>
    <message>
      <source>站点</source>
      <translation>Station</translation>
    </message>
    <message>
      <source>站点名称</source>
      <translation>Station name</translation>
    </message>
    <message>
      <source>管理员账号</source>
      <translation>Administrator account</translation>
    </message>
    <message>
      <source>街乡镇中心</source>
      <translation>Township center</translation>
    </message>
  </context>
  <context>
    <name>StatsPage</name>
    <message>
      <source>周期</source>
      <translation>Period</translation>
    </message>
    <message>
      <source>导出CSV</source>
      <translation>Export CSV</translation>
    </message>
    <message>
      <source>导出CSV (Ctrl+Shift+C)</source>
      <translation>Export CSV (Ctrl+Shift+C)</translation>
    </message>
    <message>
      <source>导出Excel</source>
      <translation>Export Excel</translation>
    </message>
    <message>
      <source>导出Excel (Ctrl+Shift+X)</source>
      <translation>Export Excel (Ctrl+Shift+X)</translation>
    </message>
    <message>
      <source>导出PDF</source>
      <translation>Export PDF</translation>
    </message>
    <message>
      <source>导出PDF (Ctrl+Shift+P)</source>
      <translation>Export PDF (Ctrl+Shift+P)</translation>
    </message>
    <message>
      <source>已导出：{0}</source>
      <translation>Exported: {0}</translation>
    </message>
    <message>
      <source>按周</source>
      <translation>By week</translation>
    </message>
    <message>
      <source>按日</source>
      <translation>By day</translation>
    </message>
    <message>
      <source>按月</source>
      <translation>By month</translation>
    </message>
    <message>
      <source>文件无法写入（{0}）。请换一个位置，或关闭正在使用该文件的程序。</source>
      <translation>Cannot write the file ({0}). Choose another location, or close the program using the file.</translation>
    </message>
    <message>
      <source>时间按本站时区计算；时长单位为分钟；中位数与P90按最近秩计算。</source>
      <translation>Times in the station's time zone; durations in minutes; median and P90 by nearest rank.</translation>
    </message>
    <message>
      <source>正在统计…</source>
      <translation>Computing…</translation>
    </message>
    <message>
      <source>统计 (Ctrl+R)</source>
      <translation>Compute (Ctrl+R)</translation>
    </message>
    <message>
      <source>统计未完成。</source>
      <translation>Statistics not completed.</translation>
    </message>
    <message>
      <source>自定义范围</source>
      <translation>Custom range</translation>
    </message>
    <message>
      <source>至</source>
      <translation>to</translation>
    </message>
  </context>
  <context>
    <name>SyncPage</name>
    <message>
      <source>上次上传</source>
      <translation>Last upload</translation>
    </message>
    <message>
      <source>上次下载</source>
      <translation>Last download</translation>
    </message>
    <message>
      <source>保存设置</source>
      <translation>Save settings</translation>
    </message>
    <message>
      <source>修改</source>
      <translation>Update</translation>
    </message>
    <message>
      <source>修正后重新提交</source>
      <translation>Resubmit after fixing</translation>
    </message>
    <message>
      <source>刷新</source>
      <translation>Refresh</translation>
    </message>
    <message>
      <source>办件</source>
      <translation>Case</translation>
    </message>
    <message>
      <source>办件环节</source>
      <translation>Case step</translation>
    </message>
    <message>
      <source>区平台地址</source>
      <translation>District platform URL</translation>
    </message>
    <message>
      <source>原因</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>叫号记录</source>
      <translation>Queue record</translation>
    </message>
    <message>
      <source>对象</source>
      <translation>Record</translation>
    </message>
    <message>
      <source>尝试</source>
      <translation>Attempts</translation>
    </message>
    <message>
      <source>差评工单</source>
      <translation>Bad-review ticket</translation>
    </message>
    <message>
      <source>已保存（留空则不变）</source>
      <translation>Saved (leave empty to keep)</translation>
    </message>
    <message>
      <source>已隔离</source>
      <translation>Quarantined</translation>
    </message>
    <message>
      <source>序号</source>
      <translation>No.</translation>
    </message>
    <message>
      <source>待上传</source>
      <translation>Pending upload</translation>
    </message>
    <message>
      <source>撤回</source>
      <translation>Withdraw</translation>
    </message>
    <message>
      <source>新增</source>
      <translation>Append</translation>
    </message>
    <message>
      <source>新建</source>
      <translation>Create</translation>
    </message>
    <message>
      <source>最早待上传已等待</source>
      <translation>Oldest pending has waited</translation>
    </message>
    <message>
      <source>校验平台TLS证书（正式平台必须开启）</source>
      <translation>Verify the platform's TLS certificate (required for the real platform)</translation>
    </message>
    <message>
      <source>正在同步…</source>
      <translation>Syncing…</translation>
    </message>
    <message>
      <source>立即同步</source>
      <translation>Sync now</translation>
    </message>
    <message>
      <source>站点凭据</source>
      <translation>Station credential</translation>
    </message>
    <message>
      <source>等待上传</source>
      <translation>Waiting to upload</translation>
    </message>
    <message>
      <source>编号</source>
      <translation>ID</translation>
    </message>
    <message>
      <source>警告：已关闭证书校验，数据可能被冒充的平台截获。仅可连接测试平台。</source>
      <translation>Warning: certificate checking is off; an impostor platform could intercept data. Use only with a test platform.</translation>
    </message>
    <message>
      <source>记录时间</source>
      <translation>Recorded at</translation>
    </message>
    <message>
      <source>评价</source>
      <translation>Rating</translation>
    </message>
    <message>
      <source>请粘贴区平台发放的站点凭据</source>
      <translation>Paste the station credential issued by the district platform</translation>
    </message>
    <message>
      <source>连接设置</source>
      <translation>Connection</translation>
    </message>
  </context>
  <context>
    <name>ThroughputChart</name>
    <message>
      <source>办结</source>
      <translation>Finished</translation>
    </message>
    <message>
      <source>取号</source>
      <translation>Tickets issued</translation>
    </message>
    <message>
      <source>每小时取号与办结</source>
      <translation>Tickets issued and finished per hour</translation>
    </message>
  </context>
  <context>
    <name>announcer</name>
    <message>
      <source>请 {ticket} 号到 {window} 号窗口办理</source>
      <translation>Number {ticket}, please go to window {window}</translation>
    </message>
  </context>
  <context>
    <name>cases</name>
    <message>
      <source>不予受理</source>
      <translation>Reject</translation>
    </message>
    <message>
      <source>不予许可</source>
      <translation>Deny</translation>
    </message>
    <message>
      <source>不实</source>
      <translation>False</translation>
    </message>
    <message>
      <source>不适用</source>
      <translation>Not applicable</translation>
    </message>
    <message>
      <source>代理人</source>
      <translation>Agent</translation>
    </message>
    <message>
      <source>作废</source>
      <translation>Void</translation>
    </message>
    <message>
      <source>关闭</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>准予</source>
      <translation>Approve</translation>
    </message>
    <message>
      <source>出件</source>
      <translation>Hand over</translation>
    </message>
    <message>
      <source>出件已记录，但出件签收单未能生成：</source>
      <translation>Handover recorded, but the handover receipt could not be produced: </translation>
    </message>
    <message>
      <source>办理过程</source>
      <translation>History</translation>
    </message>
    <message>
      <source>办结待取</source>
      <translation>Finished, awaiting pickup</translation>
    </message>
    <message>
      <source>办结期限</source>
      <translation>Due date</translation>
    </message>
    <message>
      <source>受理</source>
      <translation>Accept</translation>
    </message>
    <message>
      <source>告知承诺</source>
      <translation>Pledge</translation>
    </message>
    <message>
      <source>告知承诺书</source>
      <translation>Pledges</translation>
    </message>
    <message>
      <source>告知承诺核查不实，请依法处理</source>
      <translation>Pledge found false on checking; handle according to law</translation>
    </message>
    <message>
      <source>审批中</source>
      <translation>In review</translation>
    </message>
    <message>
      <source>容缺受理</source>
      <translation>Accept, materials later</translation>
    </message>
    <message>
      <source>容缺后补</source>
      <translation>Supply later</translation>
    </message>
    <message>
      <source>属实</source>
      <translation>True</translation>
    </message>
    <message>
      <source>已关闭</source>
      <translation>Closed</translation>
    </message>
    <message>
      <source>已出件</source>
      <translation>Handed over</translation>
    </message>
    <message>
      <source>已办结</source>
      <translation>Finished</translation>
    </message>
    <message>
      <source>已受理</source>
      <translation>Accepted</translation>
    </message>
    <message>
      <source>已完成：</source>
      <translation>Done: </translation>
    </message>
    <message>
      <source>已收</source>
      <translation>Received</translation>
    </message>
    <message>
      <source>已流转</source>
      <translation>Transferred</translation>
    </message>
    <message>
      <source>开始审批</source>
      <translation>Start review</translation>
    </message>
    <message>
      <source>待出件</source>
      <translation>Ready for pickup</translation>
    </message>
    <message>
      <source>待核查</source>
      <translation>To check</translation>
    </message>
    <message>
      <source>待补正</source>
      <translation>Awaiting supplements</translation>
    </message>
    <message>
      <source>恢复审批</source>
      <translation>Resume review</translation>
    </message>
    <message>
      <source>承诺核查</source>
      <translation>Check pledge</translation>
    </message>
    <message>
      <source>撤回</source>
      <translation>Withdraw</translation>
    </message>
    <message>
      <source>撤回理由或核查情况</source>
      <translation>Reason for withdrawal or check findings</translation>
    </message>
    <message>
      <source>操作</source>
      <translation>Actions</translation>
    </message>
    <message>
      <source>收件</source>
      <translation>Receiving</translation>
    </message>
    <message>
      <source>文书（Alt+P 预览/打印，Alt+U 补打）</source>
      <translation>Documents (Alt+P preview/print, Alt+U reprint)</translation>
    </message>
    <message>
      <source>未选择办件</source>
      <translation>No case selected</translation>
    </message>
    <message>
      <source>材料</source>
      <translation>Materials</translation>
    </message>
    <message>
      <source>核查不实</source>
      <translation>Checked: false</translation>
    </message>
    <message>
      <source>核查属实</source>
      <translation>Checked: true</translation>
    </message>
    <message>
      <source>流转</source>
      <translation>Transfer</translation>
    </message>
    <message>
      <source>特别程序</source>
      <translation>Special procedure</translation>
    </message>
    <message>
      <source>理由/情况</source>
      <translation>Reason / findings</translation>
    </message>
    <message>
      <source>申请人</source>
      <translation>Applicant</translation>
    </message>
    <message>
      <source>电子证照</source>
      <translation>E-licence</translation>
    </message>
    <message>
      <source>窗口出件</source>
      <translation>Hand over at the window</translation>
    </message>
    <message>
      <source>签字板图像或签名文字</source>
      <translation>Signature pad image or typed signature</translation>
    </message>
    <message>
      <source>缺</source>
      <translation>Missing</translation>
    </message>
    <message>
      <source>补交期限</source>
      <translation>Supplement due</translation>
    </message>
    <message>
      <source>补正告知</source>
      <translation>Request supplements</translation>
    </message>
    <message>
      <source>补正完成</source>
      <translation>Supplements complete</translation>
    </message>
    <message>
      <source>转报</source>
      <translation>Forward</translation>
    </message>
    <message>
      <source>退件</source>
      <translation>Return</translation>
    </message>
    <message>
      <source>邮寄出件</source>
      <translation>Send by post</translation>
    </message>
    <message>
      <source>邮寄单号</source>
      <translation>Tracking no.</translation>
    </message>
    <message>
      <source>领取人姓名</source>
      <translation>Recipient name</translation>
    </message>
    <message>
      <source>领取人签名</source>
      <translation>Recipient signature</translation>
    </message>
    <message>
      <source>领取人证件号</source>
      <translation>Recipient ID no.</translation>
    </message>
  </context>
  <context>
    <name>intake</name>
    <message>
      <source>不予受理</source>
      <translation>Reject</translation>
    </message>
    <message>
      <source>不适用</source>
      <translation>Not applicable</translation>
    </message>
    <message>
      <source>可受理</source>
      <translation>Can accept</translation>
    </message>
    <message>
      <source>告知承诺</source>
      <translation>Pledge</translation>
    </message>
    <message>
      <source>容缺受理</source>
      <translation>Accept, materials later</translation>
    </message>
    <message>
      <source>容缺后补</source>
      <translation>Supply later</translation>
    </message>
    <message>
      <source>已收</source>
      <translation>Received</translation>
    </message>
    <message>
      <source>已签署</source>
      <translation>Signed</translation>
    </message>
    <message>
      <source>电子证照</source>
      <translation>E-licence</translation>
    </message>
    <message>
      <source>缺</source>
      <translation>Missing</translation>
    </message>
    <message>
      <source>需补正</source>
      <translation>Needs supplements</translation>
    </message>
  </context>
  <context>
    <name>labels</name>
    <message>
      <source>不收费</source>
      <translation>Free</translation>
    </message>
    <message>
      <source>个工作日</source>
      <translation> working days</translation>
    </message>
    <message>
      <source>个自然日</source>
      <translation> calendar days</translation>
    </message>
    <message>
      <source>其他</source>
      <translation>Other</translation>
    </message>
    <message>
      <source>即办件</source>
      <translation>Immediate</translation>
    </message>
    <message>
      <source>即办（当场办结）</source>
      <translation>Immediate (done on the spot)</translation>
    </message>
    <message>
      <source>必要</source>
      <translation>Required</translation>
    </message>
    <message>
      <source>情形必要</source>
      <translation>Required in some situations</translation>
    </message>
    <message>
      <source>承诺件</source>
      <translation>Promised</translation>
    </message>
    <message>
      <source>收原件</source>
      <translation>Original kept</translation>
    </message>
    <message>
      <source>收原件及复印件</source>
      <translation>Original and copy kept</translation>
    </message>
    <message>
      <source>政府部门核发</source>
      <translation>Issued by a government office</translation>
    </message>
    <message>
      <source>申请人自备</source>
      <translation>Brought by the applicant</translation>
    </message>
    <message>
      <source>电子</source>
      <translation>Electronic</translation>
    </message>
    <message>
      <source>纸质</source>
      <translation>Paper</translation>
    </message>
    <message>
      <source>纸质+电子</source>
      <translation>Paper + electronic</translation>
    </message>
    <message>
      <source>非必要</source>
      <translation>Optional</translation>
    </message>
    <message>
      <source>验原件收复印件</source>
      <translation>Original checked, copy kept</translation>
    </message>
  </context>
  <context>
    <name>messages</name>
    <message>
      <source>操作未完成</source>
      <translation>Action not completed</translation>
    </message>
  </context>
  <context>
    <name>pages</name>
    <message>
      <source>事项目录</source>
      <translation>Catalogue</translation>
    </message>
    <message>
      <source>办件</source>
      <translation>Cases</translation>
    </message>
    <message>
      <source>受理</source>
      <translation>Intake</translation>
    </message>
    <message>
      <source>叫号</source>
      <translation>Queue</translation>
    </message>
    <message>
      <source>同步</source>
      <translation>Sync</translation>
    </message>
    <message>
      <source>差评回访</source>
      <translation>Reviews</translation>
    </message>
    <message>
      <source>统计</source>
      <translation>Statistics</translation>
    </message>
    <message>
      <source>设置</source>
      <translation>Settings</translation>
    </message>
  </context>
  <context>
    <name>passphrase</name>
    <message>
      <source>加密文件密钥环</source>
      <translation>Encrypted file keyring</translation>
    </message>
    <message>
      <source>请输入加密文件密钥环的口令（首次使用即设置口令）：</source>
      <translation>Passphrase of the encrypted file keyring (the first entry sets it):</translation>
    </message>
  </context>
  <context>
    <name>print_jobs</name>
    <message>
      <source>一次性告知书</source>
      <translation>One-time supplement notice</translation>
    </message>
    <message>
      <source>不予受理通知书</source>
      <translation>Rejection notice</translation>
    </message>
    <message>
      <source>出件签收单</source>
      <translation>Handover receipt</translation>
    </message>
    <message>
      <source>受理通知书</source>
      <translation>Acceptance notice</translation>
    </message>
    <message>
      <source>告知承诺书</source>
      <translation>Pledge letter</translation>
    </message>
    <message>
      <source>失败</source>
      <translation>Failed</translation>
    </message>
    <message>
      <source>容缺受理通知书</source>
      <translation>Notice of acceptance with materials due</translation>
    </message>
    <message>
      <source>已发送，待确认</source>
      <translation>Sent, to confirm</translation>
    </message>
    <message>
      <source>排队中</source>
      <translation>Queued</translation>
    </message>
    <message>
      <source>排队小票</source>
      <translation>Queue ticket</translation>
    </message>
    <message>
      <source>窗口工作日报</source>
      <translation>Window daily report</translation>
    </message>
  </context>
  <context>
    <name>printing</name>
    <message>
      <source>58 mm 小票</source>
      <translation>58 mm ticket</translation>
    </message>
    <message>
      <source>80 mm 小票</source>
      <translation>80 mm ticket</translation>
    </message>
    <message>
      <source>A4</source>
      <translation>A4</translation>
    </message>
    <message>
      <source>打印机“%1”当前不可用。请检查后重试，或选择其他打印机。</source>
      <translation>Printer “%1” is not available. Check it and retry, or choose another printer.</translation>
    </message>
    <message>
      <source>打印机“%1”拒绝了打印任务（可能缺纸、卡纸或脱机）。请检查后重试，或选择其他打印机。</source>
      <translation>Printer “%1” refused the job (out of paper, jammed or offline?). Check it and retry, or choose another printer.</translation>
    </message>
    <message>
      <source>找不到打印机“%1”：可能未开机、未连接或已被删除。请检查打印机电源和连接线后重试，或选择其他打印机。</source>
      <translation>Printer “%1” not found: it may be off, disconnected or removed. Check its power and cable and retry, or choose another printer.</translation>
    </message>
    <message>
      <source>文书文件已损坏，无法显示或打印。请在办件页重新出具该文书。</source>
      <translation>The document file is damaged and cannot be shown or printed. Produce it again from the Cases page.</translation>
    </message>
    <message>
      <source>这台电脑没有安装任何打印机。请联系管理员安装打印机，或先保存为 PDF。</source>
      <translation>No printer is installed on this computer. Ask the administrator to install one, or save as PDF for now.</translation>
    </message>
    <message>
      <source>默认</source>
      <translation>default</translation>
    </message>
  </context>
  <context>
    <name>queue</name>
    <message>
      <source>{ticket} 号提前叫号原因：</source>
      <translation>Reason for calling {ticket} out of turn:</translation>
    </message>
    <message>
      <source>{ticket} 号转到：</source>
      <translation>Transfer {ticket} to:</translation>
    </message>
    <message>
      <source>业务咨询</source>
      <translation>Enquiry</translation>
    </message>
    <message>
      <source>临时离开</source>
      <translation>Away briefly</translation>
    </message>
    <message>
      <source>今天没有过号的号。</source>
      <translation>No missed numbers today.</translation>
    </message>
    <message>
      <source>优先</source>
      <translation>Priority</translation>
    </message>
    <message>
      <source>值班长安排</source>
      <translation>Supervisor's request</translation>
    </message>
    <message>
      <source>军人/优抚对象</source>
      <translation>Military / entitled groups</translation>
    </message>
    <message>
      <source>办理中</source>
      <translation>Serving</translation>
    </message>
    <message>
      <source>办结</source>
      <translation>Finish</translation>
    </message>
    <message>
      <source>办结并受理</source>
      <translation>Finish and take in</translation>
    </message>
    <message>
      <source>协助其他窗口</source>
      <translation>Helping another window</translation>
    </message>
    <message>
      <source>取号</source>
      <translation>Take a number</translation>
    </message>
    <message>
      <source>叫号</source>
      <translation>Call</translation>
    </message>
    <message>
      <source>号码</source>
      <translation>Number</translation>
    </message>
    <message>
      <source>回呼</source>
      <translation>Call back</translation>
    </message>
    <message>
      <source>孕妇</source>
      <translation>Pregnant</translation>
    </message>
    <message>
      <source>已办结</source>
      <translation>Finished</translation>
    </message>
    <message>
      <source>已取消</source>
      <translation>Cancelled</translation>
    </message>
    <message>
      <source>已叫号，等候到窗口</source>
      <translation>Called, coming to the window</translation>
    </message>
    <message>
      <source>已用时 {time}</source>
      <translation>Time used {time}</translation>
    </message>
    <message>
      <source>已等候</source>
      <translation>Waited</translation>
    </message>
    <message>
      <source>开始办理</source>
      <translation>Start serving</translation>
    </message>
    <message>
      <source>恢复过号</source>
      <translation>Restore missed number</translation>
    </message>
    <message>
      <source>挂起</source>
      <translation>Hold</translation>
    </message>
    <message>
      <source>挂起/回呼</source>
      <translation>Hold / call back</translation>
    </message>
    <message>
      <source>指定叫号</source>
      <translation>Call a chosen number</translation>
    </message>
    <message>
      <source>接听电话</source>
      <translation>On the phone</translation>
    </message>
    <message>
      <source>普通</source>
      <translation>Standard</translation>
    </message>
    <message>
      <source>暂停</source>
      <translation>Pause</translation>
    </message>
    <message>
      <source>暂停/恢复</source>
      <translation>Pause / resume</translation>
    </message>
    <message>
      <source>暂停原因：</source>
      <translation>Reason for the pause:</translation>
    </message>
    <message>
      <source>暂停服务，请稍候</source>
      <translation>Service paused, please wait</translation>
    </message>
    <message>
      <source>本窗口当前没有叫到的号，请先叫号。</source>
      <translation>No number has been called at this window; call one first.</translation>
    </message>
    <message>
      <source>残疾人</source>
      <translation>Disabled</translation>
    </message>
    <message>
      <source>没有正在办理的号，也没有挂起的号。</source>
      <translation>No number is being served or on hold.</translation>
    </message>
    <message>
      <source>空闲：按 F9 叫号</source>
      <translation>Idle: press F9 to call</translation>
    </message>
    <message>
      <source>窗口暂停中：{reason}（按 Ctrl+P 恢复）</source>
      <translation>Window paused: {reason} (Ctrl+P resumes)</translation>
    </message>
    <message>
      <source>等候 {n} 人</source>
      <translation>{n} waiting</translation>
    </message>
    <message>
      <source>等候中</source>
      <translation>Waiting</translation>
    </message>
    <message>
      <source>等候队列</source>
      <translation>Waiting queue</translation>
    </message>
    <message>
      <source>类别</source>
      <translation>Category</translation>
    </message>
    <message>
      <source>系统故障</source>
      <translation>System fault</translation>
    </message>
    <message>
      <source>老年人</source>
      <translation>Elderly</translation>
    </message>
    <message>
      <source>老弱病残孕优先</source>
      <translation>Priority (elderly, sick, disabled, pregnant)</translation>
    </message>
    <message>
      <source>补交材料返回</source>
      <translation>Back with materials</translation>
    </message>
    <message>
      <source>评价：已评价</source>
      <translation>Rating: done</translation>
    </message>
    <message>
      <source>评价：待评价</source>
      <translation>Rating: waiting</translation>
    </message>
    <message>
      <source>请先在等候队列中选中要叫的号（方向键选择），再按 Ctrl+J。</source>
      <translation>First select the number in the waiting queue (arrow keys), then press Ctrl+J.</translation>
    </message>
    <message>
      <source>转移</source>
      <translation>Transfer</translation>
    </message>
    <message>
      <source>过号</source>
      <translation>Missed</translation>
    </message>
    <message>
      <source>选择要回呼的号：</source>
      <translation>Choose the number to call back:</translation>
    </message>
    <message>
      <source>选择要恢复的号：</source>
      <translation>Choose the number to restore:</translation>
    </message>
    <message>
      <source>重呼</source>
      <translation>Recall</translation>
    </message>
    <message>
      <source>预约</source>
      <translation>Appointment</translation>
    </message>
    <message>
      <source>预约时间已到</source>
      <translation>Appointment time reached</translation>
    </message>
    <message>
      <source>（暂停中）</source>
      <translation> (paused)</translation>
    </message>
    <message>
      <source>，重呼 {n} 次</source>
      <translation>, recalled {n} times</translation>
    </message>
  </context>
  <context>
    <name>rating</name>
    <message>
      <source>不满意</source>
      <translation>Dissatisfied</translation>
    </message>
    <message>
      <source>不满意的原因（可多选）</source>
      <translation>Why were you dissatisfied? (choose any)</translation>
    </message>
    <message>
      <source>业务不熟练</source>
      <translation>Lacked skill</translation>
    </message>
    <message>
      <source>其他</source>
      <translation>Other</translation>
    </message>
    <message>
      <source>办理慢、等候久</source>
      <translation>Slow, long wait</translation>
    </message>
    <message>
      <source>告知不清楚</source>
      <translation>Unclear information</translation>
    </message>
    <message>
      <source>场所设施不便</source>
      <translation>Poor facilities</translation>
    </message>
    <message>
      <source>基本满意</source>
      <translation>Fairly satisfied</translation>
    </message>
    <message>
      <source>意见或建议（选填）</source>
      <translation>Comments or suggestions (optional)</translation>
    </message>
    <message>
      <source>感谢您的评价！</source>
      <translation>Thank you for your rating!</translation>
    </message>
    <message>
      <source>提交评价</source>
      <translation>Submit</translation>
    </message>
    <message>
      <source>服务态度差</source>
      <translation>Poor attitude</translation>
    </message>
    <message>
      <source>材料多、重复交</source>
      <translation>Too many or repeated materials</translation>
    </message>
    <message>
      <source>满意</source>
      <translation>Satisfied</translation>
    </message>
    <message>
      <source>请对本次服务进行评价</source>
      <translation>Please rate this service</translation>
    </message>
    <message>
      <source>非常不满意</source>
      <translation>Very dissatisfied</translation>
    </message>
    <message>
      <source>非常满意</source>
      <translation>Very satisfied</translation>
    </message>
  </context>
</TS>
