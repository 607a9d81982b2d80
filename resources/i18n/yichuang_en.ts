<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
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
      <translation>demo</translation>
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
      <translation>demo</translation>
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
</TS>
