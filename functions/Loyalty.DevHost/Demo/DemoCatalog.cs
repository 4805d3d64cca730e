namespace Loyalty.DevHost.Demo;

/// <summary>What the demo coffee chain sells and who shops there: enough variety for reports to show something.</summary>
public static class DemoCatalog
{
    public static IReadOnlyList<DemoProduct> Products { get; } =
    [
        new("latte", "coffee", 32m),
        new("americano", "coffee", 26m),
        new("flat-white", "coffee", 34m),
        new("cold-brew", "coffee", 36m),
        new("matcha-latte", "tea", 35m),
        new("oolong", "tea", 22m),
        new("croissant", "bakery", 18m),
        new("egg-tart", "bakery", 12m),
        new("cheesecake", "bakery", 38m),
        new("beans-yunnan-250g", "beans", 98m),
        new("beans-ethiopia-250g", "beans", 128m),
        new("mug", "merchandise", 69m),
    ];

    public static IReadOnlyList<string> Stores { get; } = ["sh-jingan", "sh-xuhui", "bj-sanlitun", "hz-xihu", "sz-nanshan"];

    public static IReadOnlyList<string> FamilyNames { get; } = ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun"];

    public static IReadOnlyList<string> GivenNames { get; } = ["Wei", "Fang", "Na", "Min", "Jing", "Lei", "Qiang", "Yan", "Jun", "Hui", "Tao", "Ying", "Hao", "Xin"];
}
