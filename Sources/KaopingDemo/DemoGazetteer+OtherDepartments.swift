extension DemoGazetteer {
    /// The remaining departments, at city and (most of them) county level.
    static let otherDepartments: [DemoDepartment] = [
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
}
