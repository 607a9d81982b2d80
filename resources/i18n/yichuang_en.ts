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
    <name>DoneStep</name>
    <message>
      <source>不予受理通知书</source>
      <translation>Rejection notice</translation>
    </message>
    <message>
      <source>办理完成</source>
      <translation>Done</translation>
    </message>
    <message>
      <source>办结期限</source>
      <translation>Due date</translation>
    </message>
    <message>
      <source>受理回执</source>
      <translation>Acceptance receipt</translation>
    </message>
    <message>
      <source>容缺受理通知书</source>
      <translation>Acceptance with missing materials notice</translation>
    </message>
    <message>
      <source>已生成文书</source>
      <translation>Documents produced</translation>
    </message>
    <message>
      <source>按 Alt+N 开始下一件受理。</source>
      <translation>Press Alt+N to start the next intake.</translation>
    </message>
    <message>
      <source>查询密码</source>
      <translation>Query password</translation>
    </message>
    <message>
      <source>补正材料通知书</source>
      <translation>Supplement notice</translation>
    </message>
    <message>
      <source>补齐材料后起算</source>
      <translation>Counted from when materials are complete</translation>
    </message>
  </context>
  <context>
    <name>FiguresPanel</name>
    <message>
      <source>今日实时数据</source>
      <translation>Today, live</translation>
    </message>
  </context>
  <context>
    <name>FormRenderer</name>
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
      <source>移除所选事项(&amp;R)</source>
      <translation>&amp;Remove chosen item</translation>
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
      <source>原件</source>
      <translation>Originals</translation>
    </message>
    <message>
      <source>受理判断</source>
      <translation>Decision</translation>
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
      <source>材料（*必要）</source>
      <translation>Materials (* required)</translation>
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
    <name>announcer</name>
    <message>
      <source>请 {ticket} 号到 {window} 号窗口办理</source>
      <translation>Number {ticket}, please go to window {window}</translation>
    </message>
  </context>
  <context>
    <name>cases</name>
    <message>
      <source>不实</source>
      <translation>False</translation>
    </message>
    <message>
      <source>代理人</source>
      <translation>Agent</translation>
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
      <source>告知承诺书</source>
      <translation>Pledges</translation>
    </message>
    <message>
      <source>告知承诺核查不实，请依法处理</source>
      <translation>Pledge found false on checking; handle according to law</translation>
    </message>
    <message>
      <source>属实</source>
      <translation>True</translation>
    </message>
    <message>
      <source>已完成：</source>
      <translation>Done: </translation>
    </message>
    <message>
      <source>待核查</source>
      <translation>To check</translation>
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
      <source>理由/情况</source>
      <translation>Reason / findings</translation>
    </message>
    <message>
      <source>申请人</source>
      <translation>Applicant</translation>
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
      <source>补交期限</source>
      <translation>Supplement due</translation>
    </message>
    <message>
      <source>补正完成</source>
      <translation>Supplements complete</translation>
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
      <source>已签署</source>
      <translation>Signed</translation>
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
      <source>此功能尚未启用。</source>
      <translation>This function is not enabled yet.</translation>
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
</TS>
