extension DemoGazetteer {
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
}
