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
    public static let departments: [DemoDepartment] = [
        DemoDepartment(
            name: "自然资源和规划局", subCenterName: "不动产登记", atCounty: true,
            items: [
                DemoItem(
                    name: "不动产首次登记", basicCode: "QR00101000", itemType: "07", legalBasis: "《不动产登记暂行条例》第十四条", statutoryDays: 30,
                    promisedDays: 10),
                DemoItem(
                    name: "不动产转移登记", basicCode: "QR00102000", itemType: "07", legalBasis: "《不动产登记暂行条例实施细则》第三十八条", statutoryDays: 30,
                    promisedDays: 5),
                DemoItem(
                    name: "不动产变更登记", basicCode: "QR00103000", itemType: "07", legalBasis: "《不动产登记暂行条例实施细则》第二十六条", statutoryDays: 30,
                    promisedDays: 5),
                DemoItem(
                    name: "不动产注销登记", basicCode: "QR00104000", itemType: "07", legalBasis: "《不动产登记暂行条例实施细则》第二十八条", statutoryDays: 30,
                    promisedDays: 3),
                DemoItem(
                    name: "抵押权首次登记", basicCode: "QR00105001", itemType: "07", legalBasis: "《中华人民共和国民法典》第四百零二条", statutoryDays: 30,
                    promisedDays: 3),
                DemoItem(
                    name: "抵押权注销登记", basicCode: "QR00105002", itemType: "07", legalBasis: "《中华人民共和国民法典》第四百零二条", statutoryDays: 0,
                    promisedDays: 0),
                DemoItem(
                    name: "预告登记", basicCode: "QR00106000", itemType: "07", legalBasis: "《中华人民共和国民法典》第二百二十一条", statutoryDays: 30,
                    promisedDays: 3),
                DemoItem(
                    name: "更正登记", basicCode: "QR00107000", itemType: "07", legalBasis: "《中华人民共和国民法典》第二百二十条", statutoryDays: 30,
                    promisedDays: 10),
                DemoItem(
                    name: "异议登记", basicCode: "QR00108000", itemType: "07", legalBasis: "《中华人民共和国民法典》第二百二十条", statutoryDays: 0,
                    promisedDays: 0),
                DemoItem(
                    name: "地役权登记", basicCode: "QR00109000", itemType: "07", legalBasis: "《中华人民共和国民法典》第三百七十四条", statutoryDays: 30,
                    promisedDays: 10),
                DemoItem(
                    name: "居住权登记", basicCode: "QR00110000", itemType: "07", legalBasis: "《中华人民共和国民法典》第三百六十八条", statutoryDays: 30,
                    promisedDays: 5),
                DemoItem(
                    name: "查封登记", basicCode: "QR00111000", itemType: "07", legalBasis: "《不动产登记暂行条例实施细则》第九十条", statutoryDays: 0,
                    promisedDays: 0),
                DemoItem(
                    name: "不动产登记资料查询", basicCode: "GG00112000", itemType: "20", legalBasis: "《不动产登记暂行条例》第二十七条", statutoryDays: 0,
                    promisedDays: 0),
            ]),
        DemoDepartment(
            name: "公安局", subCenterName: "公安", atCounty: true,
            items: [
                DemoItem(
                    name: "户口迁移", basicCode: "XK00201000", itemType: "01", legalBasis: "《中华人民共和国户口登记条例》第十条", statutoryDays: 20,
                    promisedDays: 5),
                DemoItem(
                    name: "出生登记", basicCode: "QR00202000", itemType: "07", legalBasis: "《中华人民共和国户口登记条例》第七条", statutoryDays: 0,
                    promisedDays: 0),
                DemoItem(
                    name: "死亡注销户口", basicCode: "QR00203000", itemType: "07", legalBasis: "《中华人民共和国户口登记条例》第八条", statutoryDays: 0,
                    promisedDays: 0),
                DemoItem(
                    name: "户口登记项目变更更正", basicCode: "QR00204000", itemType: "07", legalBasis: "《中华人民共和国户口登记条例》第十七条", statutoryDays: 20,
                    promisedDays: 5),
                DemoItem(
                    name: "居民身份证申领", basicCode: "QR00205000", itemType: "07", legalBasis: "《中华人民共和国居民身份证法》第八条", statutoryDays: 60,
                    promisedDays: 15),
                DemoItem(
                    name: "居住证申领", basicCode: "QR00206000", itemType: "07", legalBasis: "《居住证暂行条例》第十一条", statutoryDays: 15, promisedDays: 7),
                DemoItem(
                    name: "普通护照签发", basicCode: "XK00207001", itemType: "01", legalBasis: "《中华人民共和国护照法》第五条", statutoryDays: 15,
                    promisedDays: 7),
                DemoItem(
                    name: "往来港澳通行证签发", basicCode: "XK00207002", itemType: "01", legalBasis: "《中华人民共和国出境入境管理法》第十一条", statutoryDays: 15,
                    promisedDays: 7),
                DemoItem(
                    name: "往来台湾通行证签发", basicCode: "XK00207003", itemType: "01", legalBasis: "《中华人民共和国出境入境管理法》第十一条", statutoryDays: 15,
                    promisedDays: 7),
                DemoItem(
                    name: "外国人居留许可签发", basicCode: "XK00208000", itemType: "01", legalBasis: "《中华人民共和国出境入境管理法》第三十条", statutoryDays: 15,
                    promisedDays: 7),
                DemoItem(
                    name: "无犯罪记录证明开具", basicCode: "GG00209000", itemType: "20", legalBasis: "《公安机关办理犯罪记录查询工作规定》第七条", statutoryDays: 3,
                    promisedDays: 1),
            ]),
        DemoDepartment(
            name: "人力资源和社会保障局", subCenterName: "人社", atCounty: true,
            items: [
                DemoItem(
                    name: "社会保障卡申领", basicCode: "GG00301000", itemType: "20", legalBasis: "《中华人民共和国社会保险法》第五十八条", statutoryDays: 0,
                    promisedDays: 0),
                DemoItem(
                    name: "失业保险金申领", basicCode: "JF00302000", itemType: "05", legalBasis: "《中华人民共和国社会保险法》第四十五条", statutoryDays: 10,
                    promisedDays: 3),
                DemoItem(
                    name: "职工基本养老保险参保登记", basicCode: "QR00303000", itemType: "07", legalBasis: "《中华人民共和国社会保险法》第五十七条", statutoryDays: 15,
                    promisedDays: 3),
                DemoItem(
                    name: "城乡居民基本养老保险参保登记", basicCode: "QR00304000", itemType: "07", legalBasis: "《中华人民共和国社会保险法》第二十条", statutoryDays: 0,
                    promisedDays: 0),
                DemoItem(
                    name: "职工正常退休养老金申领", basicCode: "JF00305000", itemType: "05", legalBasis: "《中华人民共和国社会保险法》第十六条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "工伤认定", basicCode: "QR00306000", itemType: "07", legalBasis: "《工伤保险条例》第二十条", statutoryDays: 60, promisedDays: 30),
                DemoItem(
                    name: "工伤保险待遇核定", basicCode: "JF00307000", itemType: "05", legalBasis: "《工伤保险条例》第三十条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "人力资源服务许可", basicCode: "XK00308000", itemType: "01", legalBasis: "《人力资源市场暂行条例》第十八条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "劳务派遣经营许可", basicCode: "XK00309000", itemType: "01", legalBasis: "《中华人民共和国劳动合同法》第五十七条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "企业实行不定时工作制和综合计算工时工作制审批", basicCode: "XK00310000", itemType: "01", legalBasis: "《中华人民共和国劳动法》第三十九条",
                    statutoryDays: 20, promisedDays: 10),
                DemoItem(
                    name: "就业登记", basicCode: "GG00311000", itemType: "20", legalBasis: "《就业服务与就业管理规定》第六十二条", statutoryDays: 0,
                    promisedDays: 0),
                DemoItem(
                    name: "失业登记", basicCode: "GG00312000", itemType: "20", legalBasis: "《就业服务与就业管理规定》第六十三条", statutoryDays: 0,
                    promisedDays: 0),
            ]),
        DemoDepartment(
            name: "医疗保障局", subCenterName: "医保", atCounty: true,
            items: [
                DemoItem(
                    name: "职工基本医疗保险参保登记", basicCode: "GG00401000", itemType: "20", legalBasis: "《中华人民共和国社会保险法》第二十三条", statutoryDays: 0,
                    promisedDays: 0),
                DemoItem(
                    name: "城乡居民基本医疗保险参保登记", basicCode: "GG00402000", itemType: "20", legalBasis: "《中华人民共和国社会保险法》第二十五条", statutoryDays: 0,
                    promisedDays: 0),
                DemoItem(
                    name: "基本医疗保险关系转移接续", basicCode: "GG00403000", itemType: "20", legalBasis: "《中华人民共和国社会保险法》第三十二条", statutoryDays: 15,
                    promisedDays: 5),
                DemoItem(
                    name: "异地就医备案", basicCode: "GG00404000", itemType: "20", legalBasis: "《中华人民共和国社会保险法》第二十九条", statutoryDays: 0,
                    promisedDays: 0),
                DemoItem(
                    name: "门诊慢特病病种待遇认定", basicCode: "GG00405000", itemType: "20", legalBasis: "《中华人民共和国社会保险法》第二十八条", statutoryDays: 10,
                    promisedDays: 5),
                DemoItem(
                    name: "医疗费用手工（零星）报销", basicCode: "GG00406000", itemType: "20", legalBasis: "《中华人民共和国社会保险法》第二十八条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "生育津贴支付", basicCode: "JF00407000", itemType: "05", legalBasis: "《中华人民共和国社会保险法》第五十六条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "生育医疗费用报销", basicCode: "GG00408000", itemType: "20", legalBasis: "《中华人民共和国社会保险法》第五十五条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "定点医药机构确定", basicCode: "GG00409000", itemType: "20", legalBasis: "《中华人民共和国社会保险法》第三十一条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "医疗救助", basicCode: "JF00410000", itemType: "05", legalBasis: "《社会救助暂行办法》第二十八条", statutoryDays: 20,
                    promisedDays: 10),
            ]),
        DemoDepartment(
            name: "住房公积金管理中心", subCenterName: "公积金", atCounty: true,
            items: [
                DemoItem(
                    name: "住房公积金单位缴存登记", basicCode: "GG00501000", itemType: "20", legalBasis: "《住房公积金管理条例》第十四条", statutoryDays: 0,
                    promisedDays: 0),
                DemoItem(
                    name: "住房公积金个人账户设立", basicCode: "GG00502001", itemType: "20", legalBasis: "《住房公积金管理条例》第十五条", statutoryDays: 0,
                    promisedDays: 0),
                DemoItem(
                    name: "住房公积金个人账户转移", basicCode: "GG00502002", itemType: "20", legalBasis: "《住房公积金管理条例》第十五条", statutoryDays: 0,
                    promisedDays: 0),
                DemoItem(
                    name: "购买自住住房提取住房公积金", basicCode: "GG00503001", itemType: "20", legalBasis: "《住房公积金管理条例》第二十四条", statutoryDays: 3,
                    promisedDays: 1),
                DemoItem(
                    name: "租赁住房提取住房公积金", basicCode: "GG00503002", itemType: "20", legalBasis: "《住房公积金管理条例》第二十四条", statutoryDays: 3,
                    promisedDays: 1),
                DemoItem(
                    name: "偿还住房贷款本息提取住房公积金", basicCode: "GG00503003", itemType: "20", legalBasis: "《住房公积金管理条例》第二十四条", statutoryDays: 3,
                    promisedDays: 1),
                DemoItem(
                    name: "离休、退休提取住房公积金", basicCode: "GG00503004", itemType: "20", legalBasis: "《住房公积金管理条例》第二十四条", statutoryDays: 3,
                    promisedDays: 1),
                DemoItem(
                    name: "住房公积金个人住房贷款", basicCode: "GG00504000", itemType: "20", legalBasis: "《住房公积金管理条例》第二十六条", statutoryDays: 15,
                    promisedDays: 7),
            ]),
        DemoDepartment(
            name: "税务局", subCenterName: "税务", atCounty: true,
            items: [
                DemoItem(
                    name: "增值税专用发票（增值税税控系统）最高开票限额审批", basicCode: "XK00601000", itemType: "01",
                    legalBasis: "《国务院对确需保留的行政审批项目设定行政许可的决定》第236项", statutoryDays: 20, promisedDays: 10),
                DemoItem(
                    name: "对纳税人延期缴纳税款的核准", basicCode: "XK00602000", itemType: "01", legalBasis: "《中华人民共和国税收征收管理法》第三十一条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "对纳税人延期申报的核准", basicCode: "XK00603000", itemType: "01", legalBasis: "《中华人民共和国税收征收管理法》第二十七条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "对纳税人变更纳税定额的核准", basicCode: "XK00604000", itemType: "01", legalBasis: "《中华人民共和国税收征收管理法实施细则》第四十七条",
                    statutoryDays: 20, promisedDays: 10),
                DemoItem(
                    name: "“一照一码”户信息确认", basicCode: "GG00605000", itemType: "20", legalBasis: "《中华人民共和国税收征收管理法》第十五条", statutoryDays: 0,
                    promisedDays: 0),
                DemoItem(
                    name: "发票领用", basicCode: "GG00606000", itemType: "20", legalBasis: "《中华人民共和国发票管理办法》第十五条", statutoryDays: 0,
                    promisedDays: 0),
                DemoItem(
                    name: "代开发票", basicCode: "GG00607000", itemType: "20", legalBasis: "《中华人民共和国发票管理办法》第十六条", statutoryDays: 0,
                    promisedDays: 0),
                DemoItem(
                    name: "个人所得税综合所得汇算清缴", basicCode: "GG00608000", itemType: "20", legalBasis: "《中华人民共和国个人所得税法》第十一条", statutoryDays: 0,
                    promisedDays: 0),
                DemoItem(
                    name: "开具税收完税证明", basicCode: "GG00609000", itemType: "20", legalBasis: "《中华人民共和国税收征收管理法》第三十四条", statutoryDays: 0,
                    promisedDays: 0),
                DemoItem(
                    name: "契税申报缴纳", basicCode: "GG00610000", itemType: "20", legalBasis: "《中华人民共和国契税法》第十条", statutoryDays: 0,
                    promisedDays: 0),
                DemoItem(
                    name: "误收多缴退抵税", basicCode: "QT00611000", itemType: "10", legalBasis: "《中华人民共和国税收征收管理法》第五十一条", statutoryDays: 30,
                    promisedDays: 10),
                DemoItem(
                    name: "税收违法行为检举奖励", basicCode: "JL00612000", itemType: "08", legalBasis: "《中华人民共和国税收征收管理法》第十三条", statutoryDays: 30,
                    promisedDays: 15),
            ]),
        DemoDepartment(
            name: "市场监督管理局", subCenterName: "市场监管", atCounty: true,
            items: [
                DemoItem(
                    name: "食品经营许可", basicCode: "XK00701000", itemType: "01", legalBasis: "《中华人民共和国食品安全法》第三十五条", statutoryDays: 20,
                    promisedDays: 7),
                DemoItem(
                    name: "食品生产许可", basicCode: "XK00702000", itemType: "01", legalBasis: "《中华人民共和国食品安全法》第三十五条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "企业设立登记", basicCode: "XK00703001", itemType: "01", legalBasis: "《中华人民共和国市场主体登记管理条例》第十九条", statutoryDays: 3,
                    promisedDays: 1),
                DemoItem(
                    name: "企业变更登记", basicCode: "XK00703002", itemType: "01", legalBasis: "《中华人民共和国市场主体登记管理条例》第二十四条", statutoryDays: 3,
                    promisedDays: 1),
                DemoItem(
                    name: "企业注销登记", basicCode: "XK00703003", itemType: "01", legalBasis: "《中华人民共和国市场主体登记管理条例》第三十一条", statutoryDays: 3,
                    promisedDays: 1),
                DemoItem(
                    name: "个体工商户登记", basicCode: "XK00704000", itemType: "01", legalBasis: "《中华人民共和国市场主体登记管理条例》第十九条", statutoryDays: 0,
                    promisedDays: 0),
                DemoItem(
                    name: "药品零售企业经营许可", basicCode: "XK00705000", itemType: "01", legalBasis: "《中华人民共和国药品管理法》第五十一条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "第二类医疗器械经营备案", basicCode: "QT00706000", itemType: "10", legalBasis: "《医疗器械监督管理条例》第四十一条", statutoryDays: 0,
                    promisedDays: 0),
                DemoItem(
                    name: "特种设备使用登记", basicCode: "XK00707000", itemType: "01", legalBasis: "《中华人民共和国特种设备安全法》第三十三条", statutoryDays: 15,
                    promisedDays: 5),
                DemoItem(
                    name: "广告发布登记", basicCode: "XK00708000", itemType: "01", legalBasis: "《中华人民共和国广告法》第二十九条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "股权出质登记", basicCode: "QR00709000", itemType: "07", legalBasis: "《中华人民共和国民法典》第四百四十三条", statutoryDays: 3,
                    promisedDays: 1),
            ]),
        DemoDepartment(
            name: "交通运输局", subCenterName: "交通运输", atCounty: true,
            items: [
                DemoItem(
                    name: "道路旅客运输经营许可", basicCode: "XK00801000", itemType: "01", legalBasis: "《中华人民共和国道路运输条例》第十条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "道路货物运输经营许可", basicCode: "XK00802000", itemType: "01", legalBasis: "《中华人民共和国道路运输条例》第二十四条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "巡游出租汽车经营许可", basicCode: "XK00803000", itemType: "01", legalBasis: "《国务院对确需保留的行政审批项目设定行政许可的决定》第112项",
                    statutoryDays: 20, promisedDays: 10),
                DemoItem(
                    name: "网络预约出租汽车经营许可", basicCode: "XK00804001", itemType: "01", legalBasis: "《网络预约出租汽车经营服务管理暂行办法》第五条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "网络预约出租汽车运输证核发", basicCode: "XK00804002", itemType: "01", legalBasis: "《网络预约出租汽车经营服务管理暂行办法》第十二条",
                    statutoryDays: 20, promisedDays: 5),
                DemoItem(
                    name: "网络预约出租汽车驾驶员证核发", basicCode: "XK00804003", itemType: "01", legalBasis: "《网络预约出租汽车经营服务管理暂行办法》第十四条",
                    statutoryDays: 20, promisedDays: 10),
                DemoItem(
                    name: "公路超限运输许可", basicCode: "XK00805000", itemType: "01", legalBasis: "《中华人民共和国公路法》第五十条", statutoryDays: 15,
                    promisedDays: 5),
                DemoItem(
                    name: "涉路施工许可", basicCode: "XK00806000", itemType: "01", legalBasis: "《中华人民共和国公路法》第四十四条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "在公路用地范围内设置非公路标志审批", basicCode: "XK00807000", itemType: "01", legalBasis: "《中华人民共和国公路法》第五十四条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "机动车维修经营备案", basicCode: "QT00808000", itemType: "10", legalBasis: "《中华人民共和国道路运输条例》第四十条", statutoryDays: 0,
                    promisedDays: 0),
                DemoItem(
                    name: "机动车驾驶员培训备案", basicCode: "QT00809000", itemType: "10", legalBasis: "《中华人民共和国道路运输条例》第四十八条", statutoryDays: 0,
                    promisedDays: 0),
            ]),
        DemoDepartment(
            name: "民政局", subCenterName: "婚姻登记", atCounty: true,
            items: [
                DemoItem(
                    name: "内地居民结婚登记", basicCode: "QR00901000", itemType: "07", legalBasis: "《婚姻登记条例》第七条", statutoryDays: 0, promisedDays: 0),
                DemoItem(
                    name: "内地居民离婚登记", basicCode: "QR00902000", itemType: "07", legalBasis: "《婚姻登记条例》第十三条", statutoryDays: 0, promisedDays: 0
                ),
                DemoItem(
                    name: "补领婚姻登记证", basicCode: "QR00903000", itemType: "07", legalBasis: "《婚姻登记条例》第十七条", statutoryDays: 0, promisedDays: 0),
                DemoItem(
                    name: "中国公民同外国人结婚登记", basicCode: "QR00904000", itemType: "07", legalBasis: "《婚姻登记条例》第二条", statutoryDays: 0,
                    promisedDays: 0),
                DemoItem(
                    name: "内地居民同香港、澳门、台湾居民结婚登记", basicCode: "QR00905000", itemType: "07", legalBasis: "《婚姻登记条例》第四条", statutoryDays: 0,
                    promisedDays: 0),
                DemoItem(
                    name: "婚姻登记记录证明出具", basicCode: "GG00906000", itemType: "20", legalBasis: "《婚姻登记档案管理办法》第十五条", statutoryDays: 3,
                    promisedDays: 1),
                DemoItem(
                    name: "收养登记", basicCode: "QR00907000", itemType: "07", legalBasis: "《中华人民共和国民法典》第一千一百零五条", statutoryDays: 30,
                    promisedDays: 15),
                DemoItem(
                    name: "解除收养关系登记", basicCode: "QR00908000", itemType: "07", legalBasis: "《中华人民共和国民法典》第一千一百一十六条", statutoryDays: 30,
                    promisedDays: 10),
            ]),
        DemoDepartment(
            name: "住房和城乡建设局", subCenterName: "住建", atCounty: true,
            items: [
                DemoItem(
                    name: "建筑工程施工许可证核发", basicCode: "XK01001000", itemType: "01", legalBasis: "《中华人民共和国建筑法》第八条", statutoryDays: 7,
                    promisedDays: 3),
                DemoItem(
                    name: "商品房预售许可", basicCode: "XK01002000", itemType: "01", legalBasis: "《中华人民共和国城市房地产管理法》第四十五条", statutoryDays: 10,
                    promisedDays: 5),
                DemoItem(
                    name: "建筑业企业资质核准", basicCode: "XK01003000", itemType: "01", legalBasis: "《中华人民共和国建筑法》第十三条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "房地产开发企业资质核定", basicCode: "XK01004000", itemType: "01", legalBasis: "《城市房地产开发经营管理条例》第九条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "燃气经营许可", basicCode: "XK01005000", itemType: "01", legalBasis: "《城镇燃气管理条例》第十五条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "特殊建设工程消防设计审查", basicCode: "XK01006000", itemType: "01", legalBasis: "《中华人民共和国消防法》第十一条", statutoryDays: 15,
                    promisedDays: 7),
                DemoItem(
                    name: "特殊建设工程消防验收", basicCode: "XK01007000", itemType: "01", legalBasis: "《中华人民共和国消防法》第十三条", statutoryDays: 15,
                    promisedDays: 7),
                DemoItem(
                    name: "商品房买卖合同网签备案", basicCode: "QT01008000", itemType: "10", legalBasis: "《中华人民共和国城市房地产管理法》第四十五条", statutoryDays: 0,
                    promisedDays: 0),
                DemoItem(
                    name: "房屋租赁登记备案", basicCode: "QT01009000", itemType: "10", legalBasis: "《商品房屋租赁管理办法》第十四条", statutoryDays: 3,
                    promisedDays: 1),
                DemoItem(
                    name: "建设工程竣工验收备案", basicCode: "QT01010000", itemType: "10", legalBasis: "《建设工程质量管理条例》第四十九条", statutoryDays: 0,
                    promisedDays: 0),
            ]),
        DemoDepartment(
            name: "卫生健康委员会", subCenterName: "卫生健康", atCounty: true,
            items: [
                DemoItem(
                    name: "医疗机构执业登记", basicCode: "XK01101000", itemType: "01", legalBasis: "《医疗机构管理条例》第十五条", statutoryDays: 45,
                    promisedDays: 20),
                DemoItem(
                    name: "医师执业注册", basicCode: "XK01102000", itemType: "01", legalBasis: "《中华人民共和国医师法》第十三条", statutoryDays: 20,
                    promisedDays: 5),
                DemoItem(
                    name: "护士执业注册", basicCode: "XK01103000", itemType: "01", legalBasis: "《护士条例》第八条", statutoryDays: 20, promisedDays: 5),
                DemoItem(
                    name: "公共场所卫生许可", basicCode: "XK01104000", itemType: "01", legalBasis: "《公共场所卫生管理条例》第八条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "放射诊疗许可", basicCode: "XK01105000", itemType: "01", legalBasis: "《放射诊疗管理规定》第十一条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "母婴保健技术服务执业许可", basicCode: "XK01106000", itemType: "01", legalBasis: "《中华人民共和国母婴保健法》第三十二条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "饮用水供水单位卫生许可", basicCode: "XK01107000", itemType: "01", legalBasis: "《中华人民共和国传染病防治法》第二十九条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "出生医学证明首次签发", basicCode: "GG01108000", itemType: "20", legalBasis: "《中华人民共和国母婴保健法》第二十三条", statutoryDays: 0,
                    promisedDays: 0),
                DemoItem(
                    name: "生育登记", basicCode: "GG01109000", itemType: "20", legalBasis: "《中华人民共和国人口与计划生育法》第十八条", statutoryDays: 0,
                    promisedDays: 0),
                DemoItem(
                    name: "计划生育家庭特别扶助金给付", basicCode: "JF01110000", itemType: "05", legalBasis: "《中华人民共和国人口与计划生育法》第三十一条", statutoryDays: 20,
                    promisedDays: 10),
            ]),
        DemoDepartment(
            name: "生态环境局", subCenterName: "生态环境", atCounty: true,
            items: [
                DemoItem(
                    name: "建设项目环境影响报告书审批", basicCode: "XK01201000", itemType: "01", legalBasis: "《中华人民共和国环境影响评价法》第二十二条", statutoryDays: 60,
                    promisedDays: 20),
                DemoItem(
                    name: "建设项目环境影响报告表审批", basicCode: "XK01202000", itemType: "01", legalBasis: "《中华人民共和国环境影响评价法》第二十二条", statutoryDays: 30,
                    promisedDays: 10),
                DemoItem(
                    name: "建设项目环境影响登记表备案", basicCode: "QT01203000", itemType: "10", legalBasis: "《中华人民共和国环境影响评价法》第二十二条", statutoryDays: 0,
                    promisedDays: 0),
                DemoItem(
                    name: "排污许可证核发", basicCode: "XK01204001", itemType: "01", legalBasis: "《排污许可管理条例》第十二条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "排污许可证延续", basicCode: "XK01204002", itemType: "01", legalBasis: "《排污许可管理条例》第十四条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "排污许可证重新申请", basicCode: "XK01204003", itemType: "01", legalBasis: "《排污许可管理条例》第十五条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "固定污染源排污登记", basicCode: "QT01205000", itemType: "10", legalBasis: "《排污许可管理条例》第二十四条", statutoryDays: 0,
                    promisedDays: 0),
                DemoItem(
                    name: "危险废物经营许可", basicCode: "XK01206000", itemType: "01", legalBasis: "《中华人民共和国固体废物污染环境防治法》第八十条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "辐射安全许可", basicCode: "XK01207000", itemType: "01", legalBasis: "《放射性同位素与射线装置安全和防护条例》第五条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "生态环境违法行为举报奖励", basicCode: "JL01208000", itemType: "08", legalBasis: "《中华人民共和国环境保护法》第十一条", statutoryDays: 30,
                    promisedDays: 15),
            ]),
        DemoDepartment(
            name: "水务局", subCenterName: "水务", atCounty: true,
            items: [
                DemoItem(
                    name: "取水许可", basicCode: "XK01301001", itemType: "01", legalBasis: "《中华人民共和国水法》第四十八条", statutoryDays: 45,
                    promisedDays: 20),
                DemoItem(
                    name: "取水许可延续", basicCode: "XK01301002", itemType: "01", legalBasis: "《取水许可和水资源费征收管理条例》第二十五条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "城镇污水排入排水管网许可", basicCode: "XK01302000", itemType: "01", legalBasis: "《城镇排水与污水处理条例》第二十一条", statutoryDays: 15,
                    promisedDays: 5),
                DemoItem(
                    name: "拆除、改动城镇排水与污水处理设施审核", basicCode: "XK01303000", itemType: "01", legalBasis: "《城镇排水与污水处理条例》第四十三条",
                    statutoryDays: 20, promisedDays: 10),
                DemoItem(
                    name: "河道管理范围内建设项目工程建设方案审批", basicCode: "XK01304000", itemType: "01", legalBasis: "《中华人民共和国水法》第三十八条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "生产建设项目水土保持方案审批", basicCode: "XK01305000", itemType: "01", legalBasis: "《中华人民共和国水土保持法》第二十五条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "洪水影响评价类审批", basicCode: "XK01306000", itemType: "01", legalBasis: "《中华人民共和国防洪法》第三十三条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "农村集体经济组织修建水库审批", basicCode: "XK01307000", itemType: "01", legalBasis: "《中华人民共和国水法》第二十五条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "城市供水用水报装", basicCode: "GG01308000", itemType: "20", legalBasis: "《城市供水条例》第二十二条", statutoryDays: 0,
                    promisedDays: 0),
                DemoItem(
                    name: "城镇排水接入服务", basicCode: "GG01309000", itemType: "20", legalBasis: "《城镇排水与污水处理条例》第二十条", statutoryDays: 0,
                    promisedDays: 0),
                DemoItem(
                    name: "水事纠纷裁决", basicCode: "CJ01310000", itemType: "09", legalBasis: "《中华人民共和国水法》第五十六条", statutoryDays: 60,
                    promisedDays: 30),
            ]),
        DemoDepartment(
            name: "城市管理局", subCenterName: "城市管理", atCounty: false,
            items: [
                DemoItem(
                    name: "城市建筑垃圾处置核准", basicCode: "XK01401000", itemType: "01", legalBasis: "《国务院对确需保留的行政审批项目设定行政许可的决定》第101项",
                    statutoryDays: 20, promisedDays: 10),
                DemoItem(
                    name: "设置大型户外广告及在城市建筑物、设施上悬挂、张贴宣传品审批", basicCode: "XK01402000", itemType: "01", legalBasis: "《城市市容和环境卫生管理条例》第十一条",
                    statutoryDays: 20, promisedDays: 10),
                DemoItem(
                    name: "占用城市道路审批", basicCode: "XK01403000", itemType: "01", legalBasis: "《城市道路管理条例》第三十一条", statutoryDays: 20,
                    promisedDays: 5),
                DemoItem(
                    name: "挖掘城市道路审批", basicCode: "XK01404000", itemType: "01", legalBasis: "《城市道路管理条例》第三十三条", statutoryDays: 20,
                    promisedDays: 5),
                DemoItem(
                    name: "砍伐城市树木审批", basicCode: "XK01405000", itemType: "01", legalBasis: "《城市绿化条例》第二十条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "临时占用城市绿化用地审批", basicCode: "XK01406000", itemType: "01", legalBasis: "《城市绿化条例》第十九条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "从事城市生活垃圾经营性清扫、收集、运输、处理服务审批", basicCode: "XK01407000", itemType: "01",
                    legalBasis: "《国务院对确需保留的行政审批项目设定行政许可的决定》第102项", statutoryDays: 20, promisedDays: 10),
                DemoItem(
                    name: "关闭、闲置、拆除城市环境卫生设施许可", basicCode: "XK01408000", itemType: "01", legalBasis: "《中华人民共和国固体废物污染环境防治法》第五十五条",
                    statutoryDays: 20, promisedDays: 10),
            ]),
        DemoDepartment(
            name: "农业农村局", subCenterName: "农业农村", atCounty: true,
            items: [
                DemoItem(
                    name: "农药经营许可", basicCode: "XK01501000", itemType: "01", legalBasis: "《农药管理条例》第二十四条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "兽药经营许可证核发", basicCode: "XK01502000", itemType: "01", legalBasis: "《兽药管理条例》第二十二条", statutoryDays: 30,
                    promisedDays: 15),
                DemoItem(
                    name: "动物防疫条件合格证核发", basicCode: "XK01503000", itemType: "01", legalBasis: "《中华人民共和国动物防疫法》第二十五条", statutoryDays: 15,
                    promisedDays: 7),
                DemoItem(
                    name: "动物诊疗许可", basicCode: "XK01504000", itemType: "01", legalBasis: "《中华人民共和国动物防疫法》第六十一条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "农作物种子生产经营许可", basicCode: "XK01505000", itemType: "01", legalBasis: "《中华人民共和国种子法》第三十一条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "渔业捕捞许可", basicCode: "XK01506000", itemType: "01", legalBasis: "《中华人民共和国渔业法》第二十三条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "水域滩涂养殖证核发", basicCode: "XK01507000", itemType: "01", legalBasis: "《中华人民共和国渔业法》第十一条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "生鲜乳收购许可", basicCode: "XK01508000", itemType: "01", legalBasis: "《乳品质量安全监督管理条例》第二十条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "拖拉机和联合收割机登记", basicCode: "XK01509001", itemType: "01", legalBasis: "《农业机械安全监督管理条例》第二十一条", statutoryDays: 2,
                    promisedDays: 1),
                DemoItem(
                    name: "拖拉机和联合收割机驾驶证核发", basicCode: "XK01509002", itemType: "01", legalBasis: "《农业机械安全监督管理条例》第二十二条", statutoryDays: 20,
                    promisedDays: 5),
                DemoItem(
                    name: "耕地地力保护补贴", basicCode: "JF01510000", itemType: "05", legalBasis: "《中华人民共和国农业法》第三十七条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "农机购置补贴", basicCode: "JF01511000", itemType: "05", legalBasis: "《中华人民共和国农业机械化促进法》第二十七条", statutoryDays: 20,
                    promisedDays: 10),
            ]),
        DemoDepartment(
            name: "文化广电和旅游局", subCenterName: "文化旅游", atCounty: false,
            items: [
                DemoItem(
                    name: "娱乐场所经营许可", basicCode: "XK01601000", itemType: "01", legalBasis: "《娱乐场所管理条例》第九条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "互联网上网服务营业场所经营许可", basicCode: "XK01602000", itemType: "01", legalBasis: "《互联网上网服务营业场所管理条例》第十一条",
                    statutoryDays: 20, promisedDays: 10),
                DemoItem(
                    name: "营业性演出审批", basicCode: "XK01603000", itemType: "01", legalBasis: "《营业性演出管理条例》第十三条", statutoryDays: 3,
                    promisedDays: 1),
                DemoItem(
                    name: "文艺表演团体设立审批", basicCode: "XK01604000", itemType: "01", legalBasis: "《营业性演出管理条例》第六条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "旅行社业务经营许可", basicCode: "XK01605000", itemType: "01", legalBasis: "《中华人民共和国旅游法》第二十八条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "导游证核发", basicCode: "XK01606000", itemType: "01", legalBasis: "《中华人民共和国旅游法》第三十七条", statutoryDays: 10,
                    promisedDays: 5),
                DemoItem(
                    name: "旅行社分社设立备案", basicCode: "QT01607000", itemType: "10", legalBasis: "《旅行社条例》第十条", statutoryDays: 0, promisedDays: 0),
                DemoItem(
                    name: "演出场所经营单位备案", basicCode: "QT01608000", itemType: "10", legalBasis: "《营业性演出管理条例》第七条", statutoryDays: 0,
                    promisedDays: 0),
                DemoItem(
                    name: "艺术品经营单位备案", basicCode: "QT01609000", itemType: "10", legalBasis: "《艺术品经营管理办法》第五条", statutoryDays: 0,
                    promisedDays: 0),
            ]),
        DemoDepartment(
            name: "退役军人事务局", subCenterName: "退役军人服务", atCounty: false,
            items: [
                DemoItem(
                    name: "退役士兵报到", basicCode: "GG01701000", itemType: "20", legalBasis: "《退役士兵安置条例》第十五条", statutoryDays: 0, promisedDays: 0
                ),
                DemoItem(
                    name: "自主就业退役士兵一次性经济补助金给付", basicCode: "JF01702000", itemType: "05", legalBasis: "《退役士兵安置条例》第二十条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "退役军人优待证申领", basicCode: "GG01703000", itemType: "20", legalBasis: "《中华人民共和国退役军人保障法》第六十二条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "残疾等级评定", basicCode: "QR01704000", itemType: "07", legalBasis: "《军人抚恤优待条例》第二十二条", statutoryDays: 60,
                    promisedDays: 30),
                DemoItem(
                    name: "伤残抚恤关系转移", basicCode: "GG01705000", itemType: "20", legalBasis: "《伤残抚恤管理办法》第二十二条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "烈士褒扬金给付", basicCode: "JF01706000", itemType: "05", legalBasis: "《烈士褒扬条例》第十一条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "在乡复员军人定期生活补助", basicCode: "JF01707000", itemType: "05", legalBasis: "《军人抚恤优待条例》第三十七条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "悬挂光荣牌", basicCode: "GG01708000", itemType: "20", legalBasis: "《中华人民共和国军人地位和权益保障法》第四十四条", statutoryDays: 0,
                    promisedDays: 0),
            ]),
        DemoDepartment(
            name: "残疾人联合会", subCenterName: "残疾人服务", atCounty: false,
            items: [
                DemoItem(
                    name: "残疾人证新办", basicCode: "GG01801001", itemType: "20", legalBasis: "《中华人民共和国残疾人证管理办法》第六条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "残疾人证换领", basicCode: "GG01801002", itemType: "20", legalBasis: "《中华人民共和国残疾人证管理办法》第六条", statutoryDays: 0,
                    promisedDays: 0),
                DemoItem(
                    name: "残疾人证补办", basicCode: "GG01801003", itemType: "20", legalBasis: "《中华人民共和国残疾人证管理办法》第六条", statutoryDays: 0,
                    promisedDays: 0),
                DemoItem(
                    name: "残疾人证迁移", basicCode: "GG01801004", itemType: "20", legalBasis: "《中华人民共和国残疾人证管理办法》第六条", statutoryDays: 0,
                    promisedDays: 0),
                DemoItem(
                    name: "困难残疾人生活补贴和重度残疾人护理补贴", basicCode: "JF01802000", itemType: "05", legalBasis: "《中华人民共和国残疾人保障法》第四十八条",
                    statutoryDays: 20, promisedDays: 10),
                DemoItem(
                    name: "残疾人辅助器具适配补贴", basicCode: "JF01803000", itemType: "05", legalBasis: "《中华人民共和国残疾人保障法》第二十条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "残疾儿童康复救助", basicCode: "JF01804000", itemType: "05", legalBasis: "《残疾预防和残疾人康复条例》第二十五条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "残疾人自主创业扶持", basicCode: "JF01805000", itemType: "05", legalBasis: "《残疾人就业条例》第十九条", statutoryDays: 20,
                    promisedDays: 10),
            ]),
    ]

    /// Kinds of on-site service points (第十八条) with their items.
    public static let onsitePoints: [DemoOnsitePoint] = [
        DemoOnsitePoint(
            name: "机动车检测", department: "公安局",
            items: [
                DemoItem(
                    name: "机动车注册登记", basicCode: "QR90101001", itemType: "07", legalBasis: "《中华人民共和国道路交通安全法》第八条", statutoryDays: 2,
                    promisedDays: 1),
                DemoItem(
                    name: "机动车转移登记", basicCode: "QR90101002", itemType: "07", legalBasis: "《中华人民共和国道路交通安全法》第十二条", statutoryDays: 0,
                    promisedDays: 0),
                DemoItem(
                    name: "机动车变更登记", basicCode: "QR90101003", itemType: "07", legalBasis: "《中华人民共和国道路交通安全法》第十二条", statutoryDays: 0,
                    promisedDays: 0),
                DemoItem(
                    name: "机动车抵押登记", basicCode: "QR90101004", itemType: "07", legalBasis: "《中华人民共和国民法典》第四百零三条", statutoryDays: 0,
                    promisedDays: 0),
                DemoItem(
                    name: "机动车检验合格标志核发", basicCode: "QR90102000", itemType: "07", legalBasis: "《中华人民共和国道路交通安全法》第十三条", statutoryDays: 0,
                    promisedDays: 0),
            ]),
        DemoOnsitePoint(
            name: "驾驶人考试", department: "公安局",
            items: [
                DemoItem(
                    name: "机动车驾驶证申领", basicCode: "XK90201001", itemType: "01", legalBasis: "《中华人民共和国道路交通安全法》第十九条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "机动车驾驶证增加准驾车型", basicCode: "XK90201002", itemType: "01", legalBasis: "《中华人民共和国道路交通安全法》第十九条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "机动车驾驶人考试预约", basicCode: "GG90202000", itemType: "20", legalBasis: "《中华人民共和国道路交通安全法实施条例》第二十条", statutoryDays: 0,
                    promisedDays: 0),
                DemoItem(
                    name: "机动车驾驶证期满换证", basicCode: "QR90203000", itemType: "07", legalBasis: "《中华人民共和国道路交通安全法》第十九条", statutoryDays: 0,
                    promisedDays: 0),
            ]),
        DemoOnsitePoint(
            name: "动物检疫", department: "农业农村局",
            items: [
                DemoItem(
                    name: "动物产地检疫", basicCode: "QR90301001", itemType: "07", legalBasis: "《中华人民共和国动物防疫法》第四十九条", statutoryDays: 1,
                    promisedDays: 1),
                DemoItem(
                    name: "动物屠宰检疫", basicCode: "QR90301002", itemType: "07", legalBasis: "《中华人民共和国动物防疫法》第四十九条", statutoryDays: 0,
                    promisedDays: 0),
                DemoItem(
                    name: "水产苗种产地检疫", basicCode: "QR90301003", itemType: "07", legalBasis: "《中华人民共和国动物防疫法》第四十九条", statutoryDays: 1,
                    promisedDays: 1),
                DemoItem(
                    name: "跨省引进乳用种用动物检疫审批", basicCode: "XK90302000", itemType: "01", legalBasis: "《中华人民共和国动物防疫法》第五十三条", statutoryDays: 20,
                    promisedDays: 10),
            ]),
        DemoOnsitePoint(
            name: "特种设备检验", department: "市场监督管理局",
            items: [
                DemoItem(
                    name: "电梯监督检验", basicCode: "GG90401000", itemType: "20", legalBasis: "《中华人民共和国特种设备安全法》第二十五条", statutoryDays: 10,
                    promisedDays: 5),
                DemoItem(
                    name: "特种设备定期检验", basicCode: "GG90402000", itemType: "20", legalBasis: "《中华人民共和国特种设备安全法》第四十条", statutoryDays: 10,
                    promisedDays: 5),
                DemoItem(
                    name: "气瓶充装许可", basicCode: "XK90403000", itemType: "01", legalBasis: "《中华人民共和国特种设备安全法》第四十九条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "特种设备作业人员资格认定", basicCode: "XK90404000", itemType: "01", legalBasis: "《中华人民共和国特种设备安全法》第十四条", statutoryDays: 20,
                    promisedDays: 10),
            ]),
        DemoOnsitePoint(
            name: "计量检定", department: "市场监督管理局",
            items: [
                DemoItem(
                    name: "强制检定计量器具检定", basicCode: "GG90501000", itemType: "20", legalBasis: "《中华人民共和国计量法》第九条", statutoryDays: 10,
                    promisedDays: 5),
                DemoItem(
                    name: "计量标准器具核准", basicCode: "XK90502000", itemType: "01", legalBasis: "《中华人民共和国计量法》第六条", statutoryDays: 20,
                    promisedDays: 10),
                DemoItem(
                    name: "计量器具修理后检定", basicCode: "GG90503000", itemType: "20", legalBasis: "《中华人民共和国计量法实施细则》第十五条", statutoryDays: 10,
                    promisedDays: 5),
            ]),
        DemoOnsitePoint(
            name: "预防接种", department: "卫生健康委员会",
            items: [
                DemoItem(
                    name: "预防接种证办理", basicCode: "GG90601001", itemType: "20", legalBasis: "《中华人民共和国疫苗管理法》第四十七条", statutoryDays: 0,
                    promisedDays: 0),
                DemoItem(
                    name: "预防接种证补办", basicCode: "GG90601002", itemType: "20", legalBasis: "《中华人民共和国疫苗管理法》第四十七条", statutoryDays: 0,
                    promisedDays: 0),
                DemoItem(
                    name: "入托、入学预防接种证查验证明", basicCode: "GG90602000", itemType: "20", legalBasis: "《中华人民共和国疫苗管理法》第四十八条", statutoryDays: 0,
                    promisedDays: 0),
            ]),
    ]

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
