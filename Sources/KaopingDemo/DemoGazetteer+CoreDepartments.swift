extension DemoGazetteer {
    /// The departments that have sub-centers at every level, the province included (the first eight).
    static let coreDepartments: [DemoDepartment] = [
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
    ]
}
