package cn.cm135.demo;

import java.util.random.RandomGenerator;

/** Word pools for people, places and shops of a plausible mid-sized Chinese city (江州市). */
final class ChineseNames {

    static final String CITY = "江州市";

    private static final String[] SURNAMES = {
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高",
        "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁",
        "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈"};
    // The most common surnames are repeated so they come up as often as they do in real staff lists.
    private static final String[] FREQUENT_SURNAMES = {"王", "李", "张", "刘", "陈"};
    private static final String[] GIVEN = {
        "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英",
        "霞", "平", "刚", "桂英", "建国", "建华", "国强", "志强", "海燕", "晓东", "小红", "文华", "俊", "斌", "波",
        "宇", "浩", "凯", "鹏", "婷", "玉兰", "红梅", "德明", "春生", "志刚", "丽华", "雪梅", "永红", "晓燕", "思远",
        "子涵", "欣怡", "建军", "卫东", "海波", "金凤", "明辉", "世杰", "嘉怡", "佳琪", "振华", "庆丰"};

    static final String[] ROADS = {
        "人民", "解放", "建设", "中山", "和平", "胜利", "新华", "文化", "光明", "长江", "滨江", "东风", "红旗", "朝阳",
        "五一", "健康", "复兴", "工农", "团结", "幸福", "青年", "学府", "育才", "金桥", "翠湖", "银河", "锦绣", "春华",
        "北京", "上海", "南京", "民主", "民生", "建国", "府前", "体育", "公园", "车站", "沿河", "环城", "迎宾", "望江",
        "凤凰", "龙泉", "桂花", "玉带", "书院", "状元", "钟楼", "鼓楼", "龙门", "新民", "兴业", "振兴", "丰收", "顺城"};
    static final String[] ROAD_KINDS = {"路", "街", "大道"};

    static final String[] TOWNS = {
        "石桥", "白鹤", "青龙", "黄泥", "双河", "龙潭", "马鞍", "高坪", "新店", "大兴", "桂花", "杨柳", "梅子", "清水",
        "三江", "太平", "永安", "金鸡", "柏林", "石龙", "观音", "回龙", "麻柳", "凤凰", "莲花", "天池", "玉山", "河口",
        "铁佛", "兴隆", "仁和", "福星", "长乐", "安仁", "宝石", "复兴", "合兴", "金华", "柳树", "龙凤", "磨盘", "木兰",
        "平安", "桥亭", "三合", "双桥", "土门", "万福", "新民", "云台", "朝天", "丰乐"};
    static final String[] VILLAGE_PREFIXES = {
        "红星", "光荣", "和平", "建设", "前进", "胜利", "团结", "新村", "大树", "石门", "柳湾", "枣林", "竹园", "松林",
        "李家", "王家", "张家", "陈家", "刘家", "黄桷", "堰塘", "水井", "桃园", "杏花"};
    static final String[] COUNTIES = {"青山县", "临江县", "石门县", "白水县", "龙泉县", "安平县", "宁远县", "清河县"};
    static final String[] URBAN_DEPARTMENTS = {"城东市场部", "城西市场部", "城南市场部", "城北市场部", "开发区市场部"};
    static final String[] DISTRICTS = {"江东区", "江西区", "城南区", "城北区", "高新区"};

    private static final String[] SHOP_WORDS = {
        "鑫", "福", "顺", "兴旺", "金", "万家", "惠民", "好又多", "旺旺", "如意", "吉祥", "红星", "华联", "佳佳", "百姓",
        "便民", "阳光", "幸福", "大众", "永兴", "利民", "家家乐", "恒昌", "富源", "德隆", "天天", "新星", "和美", "友谊",
        "春来", "宏发", "荣华"};

    private ChineseNames() {
    }

    static String personName(RandomGenerator random) {
        String surname = random.nextInt(4) == 0 ? RandomStreams.pick(random, FREQUENT_SURNAMES)
                : RandomStreams.pick(random, SURNAMES);
        String given = RandomStreams.pick(random, GIVEN);
        // Some two-character names get a generation character, as three-character names are the majority.
        if (given.length() == 1 && random.nextInt(3) > 0) {
            given = RandomStreams.pick(random, GIVEN).substring(0, 1) + given;
        }
        return surname + given;
    }

    static String surname(RandomGenerator random) {
        return RandomStreams.pick(random, SURNAMES);
    }

    /** A shop name that fits its business format (业态). */
    static String shopName(RandomGenerator random, String businessFormat, String place) {
        String word = RandomStreams.pick(random, SHOP_WORDS);
        return switch (businessFormat) {
            case "便利店" -> RandomStreams.pick(random, new String[] {"美宜佳", "红旗连锁", "易捷", "天福", word})
                    + "便利店(" + place + "店)";
            case "超市" -> word + RandomStreams.pick(random, new String[] {"超市", "购物中心", "生活超市", "平价超市"});
            case "商场" -> place + RandomStreams.pick(random, new String[] {"百货商场", "商厦", "购物广场"});
            case "烟酒店" -> word + RandomStreams.pick(random, new String[] {"烟酒行", "名烟名酒", "烟酒商行", "烟酒店"});
            case "娱乐服务类" -> word + RandomStreams.pick(random, new String[] {"棋牌室", "KTV", "宾馆", "茶楼", "网吧"});
            case "其他" -> place + RandomStreams.pick(random, new String[] {"加油站便利店", "汽车站小卖部", "医院小卖部",
                "学校超市", "农资店"});
            default -> RandomStreams.chance(random, 0.5)
                    ? surname(random) + RandomStreams.pick(random, new String[] {"记商店", "家副食", "氏便民店"})
                    : word + RandomStreams.pick(random, new String[] {"副食店", "便民店", "商店", "小卖部", "日杂店"});
        };
    }
}
