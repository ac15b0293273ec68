/// Static place names, departments and catalog items of the demo province (Jiangsu).
///
/// Everything here is deterministic demo data. County-level divisions follow the 2024 administrative
/// division of Jiangsu (55 districts, 21 county-level cities, 19 counties); basic codes are invented
/// but unique, formed as two type letters, a five-digit main-item code and a three-digit sub-item code.
public enum DemoGazetteer {
    /// The province's name.
    public static let province: String = "江苏省"

    /// The 13 prefecture-level cities with their real county-level divisions (区、县级市、县) and division codes.
    public static let cities: [DemoCity] = [
        DemoCity(name: "南京市", code: "320100", counties: ["玄武区", "秦淮区", "建邺区", "鼓楼区", "浦口区", "栖霞区", "雨花台区", "江宁区", "六合区", "溧水区", "高淳区"]),
        DemoCity(name: "无锡市", code: "320200", counties: ["锡山区", "惠山区", "滨湖区", "梁溪区", "新吴区", "江阴市", "宜兴市"]),
        DemoCity(name: "徐州市", code: "320300", counties: ["鼓楼区", "云龙区", "贾汪区", "泉山区", "铜山区", "丰县", "沛县", "睢宁县", "新沂市", "邳州市"]),
        DemoCity(name: "常州市", code: "320400", counties: ["天宁区", "钟楼区", "新北区", "武进区", "金坛区", "溧阳市"]),
        DemoCity(name: "苏州市", code: "320500", counties: ["虎丘区", "吴中区", "相城区", "姑苏区", "吴江区", "常熟市", "张家港市", "昆山市", "太仓市"]),
        DemoCity(name: "南通市", code: "320600", counties: ["通州区", "崇川区", "海门区", "如东县", "启东市", "如皋市", "海安市"]),
        DemoCity(name: "连云港市", code: "320700", counties: ["连云区", "海州区", "赣榆区", "东海县", "灌云县", "灌南县"]),
        DemoCity(name: "淮安市", code: "320800", counties: ["淮安区", "淮阴区", "清江浦区", "洪泽区", "涟水县", "盱眙县", "金湖县"]),
        DemoCity(name: "盐城市", code: "320900", counties: ["亭湖区", "盐都区", "大丰区", "响水县", "滨海县", "阜宁县", "射阳县", "建湖县", "东台市"]),
        DemoCity(name: "扬州市", code: "321000", counties: ["广陵区", "邗江区", "江都区", "宝应县", "仪征市", "高邮市"]),
        DemoCity(name: "镇江市", code: "321100", counties: ["京口区", "润州区", "丹徒区", "丹阳市", "扬中市", "句容市"]),
        DemoCity(name: "泰州市", code: "321200", counties: ["海陵区", "高港区", "姜堰区", "兴化市", "靖江市", "泰兴市"]),
        DemoCity(name: "宿迁市", code: "321300", counties: ["宿城区", "宿豫区", "沭阳县", "泗阳县", "泗洪县"]),
    ]

    /// Departments that run sub-centers, each with 8–20 catalog items.
    public static let departments: [DemoDepartment] = coreDepartments + otherDepartments

    /// Names that break the 第五条 naming rule "××政务服务中心××分中心", as templates where `{place}` is a city or
    /// county name and `{dept}` a department's `subCenterName`.
    public static let nonconformingNameTemplates: [String] = [
        "{place}{dept}服务大厅",
        "{place}{dept}受理中心",
        "{place}政务服务中心{dept}窗口",
        "{place}{dept}分中心",
        "{place}政务服务{dept}分中心",
        "{place}{dept}政务服务中心",
        "{place}{dept}便民服务中心",
        "{place}政务服务中心{dept}分厅",
        "{place}行政审批中心{dept}分中心",
        "{place}{dept}办事大厅",
        "{place}政务服务中心{dept}服务专区",
        "{place}{dept}一站式服务中心",
    ]

    /// Window-norm categories for inspection findings (明察暗访).
    public static let inspectionCategories: [String] = [
        "擅自离岗",
        "上班玩手机",
        "未佩戴工作牌",
        "服务态度生硬",
        "工作人员与公示信息不符",
        "一次性告知不到位",
        "着装不规范",
        "迟到早退",
        "窗口无人值守",
        "工作时间闲聊嬉笑",
        "窗口内饮食吃零食",
        "推诿扯皮",
        "未落实首问负责",
        "要求提供清单外材料",
        "指定中介或变相收费",
        "未主动引导“好差评”",
        "窗口公示信息缺失或过期",
        "叫号后长时间未受理",
    ]
}
