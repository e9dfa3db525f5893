using System.Globalization;
using McpClientGen.Generator.Common;
using Microsoft.CodeAnalysis.CSharp;

namespace McpClientGen.Generator.Tests;

/// <summary>
/// Wire names to C# identifiers: every separator style, acronyms, digits, non-ASCII letters and names with no
/// letters at all. Whatever the input, the result must be a valid C# identifier and the same on every run.
/// </summary>
public sealed class NamingTests
{
    private const string Fallback = "Value";

    /// <summary>Every wire name below, for the properties that must hold whatever the input.</summary>
    public static TheoryData<string> AllWireNames() => new()
    {
        "crm.findCustomer", "find-customer", "find_customer", "findCustomer", "FindCustomer", "FIND_CUSTOMER",
        "files/read", "New York", "2fa", "3d-render", "GET_URL", "HTTPServer", "getHTTPResponse", "v2Api",
        "ÜBER", "café-crème", "名前", "🚀", "🔥💧", "!!!", "---", "___", "...", "/", " ", "", "123", "_private",
        "__proto__", "a", "A", "x-1", "class", "event", "await", "get url", "tools/list.v2", "Ünïcödé_ńámé",
        "١٢٣", "ǅungla", "ⅫHours", "naïve", "nai\u0308ve", "a\u200Db", "data:base64", "über_größe", "ΑΛΦΑ_βήτα",
    };

    [Theory]
    [InlineData("find-customer", "FindCustomer")]
    [InlineData("find_customer", "FindCustomer")]
    [InlineData("findCustomer", "FindCustomer")]
    [InlineData("FindCustomer", "FindCustomer")]
    [InlineData("FIND_CUSTOMER", "FindCustomer")]
    public void Every_separator_style_of_find_customer_gives_FindCustomer(string wireName, string expected) =>
        Assert.Equal(expected, Naming.ToPascalCase(wireName, Fallback));

    [Theory]
    [InlineData("crm.findCustomer", "CrmFindCustomer")]
    [InlineData("files/read", "FilesRead")]
    [InlineData("tools/list.v2", "ToolsListV2")]
    [InlineData("New York", "NewYork")]
    [InlineData("get url", "GetUrl")]
    [InlineData("  padded  ", "Padded")]
    [InlineData("find--customer__by..id", "FindCustomerById")]
    [InlineData("_private", "Private")]
    [InlineData("__proto__", "Proto")]
    [InlineData("x-1", "X1")]
    public void Separators_of_every_kind_split_words(string wireName, string expected) =>
        Assert.Equal(expected, Naming.ToPascalCase(wireName, Fallback));

    [Theory]
    [InlineData("Get", "code_review", "Prompt", "GetCodeReviewPrompt")]
    [InlineData("Get", "args-prompt", "Prompt", "GetArgsPrompt")]
    [InlineData("Get", "prompt", "Prompt", "GetPrompt")]
    [InlineData("Get", "prompts", "Prompt", "GetPromptsPrompt")]
    [InlineData("Read", "Dynamic Text Resource", "Resource", "ReadDynamicTextResource")]
    [InlineData("Read", "readme", "Resource", "ReadReadmeResource")]
    public void A_prompt_or_resource_method_names_its_kind_once(string prefix, string wireName, string kind, string expected) =>
        Assert.Equal(expected, Naming.KindMethodBase(prefix, wireName, kind));

    [Theory]
    [InlineData("2fa", "_2fa")]
    [InlineData("3d-render", "_3dRender")]
    [InlineData("123", "_123")]
    [InlineData("2-factor", "_2Factor")]
    [InlineData("١٢٣", "_١٢٣")]
    public void A_leading_digit_gets_an_underscore(string wireName, string expected) =>
        Assert.Equal(expected, Naming.ToPascalCase(wireName, Fallback));

    [Theory]
    [InlineData("GET_URL", "GetUrl")]
    [InlineData("HTTPServer", "HttpServer")]
    [InlineData("getHTTPResponse", "GetHttpResponse")]
    [InlineData("URL", "Url")]
    [InlineData("A", "A")]
    [InlineData("a", "A")]
    [InlineData("GET_A_URL", "GetAUrl")]
    [InlineData("v2Api", "V2Api")]
    [InlineData("v2API", "V2Api")]
    [InlineData("userID", "UserId")]
    [InlineData("IOError", "IoError")]
    public void Capitals_and_acronyms_become_capitalised_words(string wireName, string expected) =>
        Assert.Equal(expected, Naming.ToPascalCase(wireName, Fallback));

    [Theory]
    [InlineData("ÜBER", "Über")]
    [InlineData("café-crème", "CaféCrème")]
    [InlineData("über_größe", "ÜberGröße")]
    [InlineData("ΑΛΦΑ_βήτα", "ΑλφαΒήτα")]
    [InlineData("名前", "名前")]
    [InlineData("Ünïcödé_ńámé", "ÜnïcödéŃámé")]
    public void Non_ascii_letters_are_kept(string wireName, string expected) =>
        Assert.Equal(expected, Naming.ToPascalCase(wireName, Fallback));

    [Theory]
    [InlineData("🚀")]
    [InlineData("🔥💧")]
    [InlineData("!!!")]
    [InlineData("---")]
    [InlineData("___")]
    [InlineData("...")]
    [InlineData("/")]
    [InlineData(" ")]
    [InlineData("")]
    public void A_name_without_letters_or_digits_gets_the_fallback(string wireName)
    {
        Assert.Equal(Fallback, Naming.ToPascalCase(wireName, Fallback));
        Assert.Equal("Result", Naming.ToPascalCase(wireName, "Result"));
    }

    [Theory]
    [InlineData("🚀launch", "Launch")]
    [InlineData("launch🚀now", "LaunchNow")]
    [InlineData("price ($)", "Price")]
    public void Emoji_and_punctuation_around_letters_are_dropped(string wireName, string expected) =>
        Assert.Equal(expected, Naming.ToPascalCase(wireName, Fallback));

    [Theory]
    [MemberData(nameof(AllWireNames))]
    public void Every_pascal_case_name_is_a_valid_identifier(string wireName) =>
        AssertValidIdentifier(Naming.ToPascalCase(wireName, Fallback), wireName);

    [Theory]
    [MemberData(nameof(AllWireNames))]
    public void Every_camel_case_name_is_a_valid_identifier(string wireName) =>
        AssertValidIdentifier(Naming.ToCamelCase(Naming.ToPascalCase(wireName, Fallback)), wireName);

    [Theory]
    [MemberData(nameof(AllWireNames))]
    public void Every_item_name_is_a_valid_identifier(string wireName) =>
        AssertValidIdentifier(Naming.ItemOf(Naming.ToPascalCase(wireName, Fallback)), wireName);

    [Theory]
    [MemberData(nameof(AllWireNames))]
    public void The_same_input_always_gives_the_same_output(string wireName)
    {
        var pascal = Naming.ToPascalCase(wireName, Fallback);
        Assert.Equal(pascal, Naming.ToPascalCase(wireName, Fallback));
        Assert.Equal(Naming.ToCamelCase(pascal), Naming.ToCamelCase(pascal));
        Assert.Equal(Naming.ItemOf(pascal), Naming.ItemOf(pascal));
        Assert.Equal(pascal, Naming.ToPascalCase(new string(wireName.ToCharArray()), Fallback));
    }

    [Theory]
    [MemberData(nameof(AllWireNames))]
    public void The_output_does_not_depend_on_the_current_culture(string wireName)
    {
        var invariant = Run(CultureInfo.InvariantCulture, wireName);
        Assert.Equal(invariant, Run(CultureInfo.GetCultureInfo("tr-TR"), wireName));
        Assert.Equal(invariant, Run(CultureInfo.GetCultureInfo("lt-LT"), wireName));

        static (string Pascal, string Camel, string Item) Run(CultureInfo culture, string wireName)
        {
            var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            try
            {
                (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, culture);
                var pascal = Naming.ToPascalCase(wireName, Fallback);
                return (pascal, Naming.ToCamelCase(pascal), Naming.ItemOf(pascal));
            }
            finally
            {
                (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (previous, previousUi);
            }
        }
    }

    [Fact]
    public void Turkish_culture_does_not_change_the_letter_i()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("tr-TR");
            Assert.Equal("Id", Naming.ToPascalCase("id", Fallback));
            Assert.Equal("Id", Naming.ToPascalCase("ID", Fallback));
            Assert.Equal("item", Naming.ToCamelCase("Item"));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Every_character_of_the_basic_plane_alone_or_next_to_letters_gives_a_valid_identifier()
    {
        for (var code = 0; code <= char.MaxValue; code++)
        {
            var c = (char)code;
            foreach (var wireName in new[] { c.ToString(), "a" + c, c + "a", "A" + c + "b", "1" + c })
            {
                var pascal = Naming.ToPascalCase(wireName, Fallback);
                AssertValidIdentifier(pascal, $"U+{code:X4} in {Escape(wireName)}");
                AssertValidIdentifier(Naming.ToCamelCase(pascal), $"U+{code:X4} in {Escape(wireName)}");
                AssertValidIdentifier(Naming.ItemOf(pascal), $"U+{code:X4} in {Escape(wireName)}");
            }
        }

        static string Escape(string text) =>
            string.Concat(text.Select(ch => ch < 128 && !char.IsControl(ch) ? ch.ToString() : $"\\u{(int)ch:X4}"));
    }

    [Theory]
    [InlineData("FindCustomer", "findCustomer")]
    [InlineData("HttpServer", "httpServer")]
    [InlineData("Über", "über")]
    [InlineData("名前", "名前")]
    [InlineData("_2fa", "_2fa")]
    [InlineData("X", "x")]
    [InlineData("alreadyCamel", "alreadyCamel")]
    [InlineData("", "")]
    public void ToCamelCase_lowers_only_the_first_letter(string pascalCase, string expected) =>
        Assert.Equal(expected, Naming.ToCamelCase(pascalCase));

    [Theory]
    [InlineData("class", "@class")]
    [InlineData("Class", "@class")]
    [InlineData("event", "@event")]
    [InlineData("Event", "@event")]
    [InlineData("await", "@await")]
    [InlineData("Await", "@await")]
    [InlineData("string", "@string")]
    [InlineData("Default", "@default")]
    [InlineData("Out", "@out")]
    [InlineData("Is", "@is")]
    [InlineData("Namespace", "@namespace")]
    public void ToCamelCase_escapes_keywords(string pascalCase, string expected) =>
        Assert.Equal(expected, Naming.ToCamelCase(pascalCase));

    [Theory]
    [InlineData("class", "@class")]
    [InlineData("event", "@event")]
    [InlineData("await", "@await")]
    [InlineData("IS", "@is")]
    [InlineData("for-each", "forEach")]
    [InlineData("foreach", "@foreach")]
    public void Keyword_wire_names_become_escaped_parameter_names(string wireName, string expected) =>
        Assert.Equal(expected, Naming.ToCamelCase(Naming.ToPascalCase(wireName, Fallback)));

    [Theory]
    [InlineData("value")]
    [InlineData("var")]
    [InlineData("async")]
    [InlineData("customer")]
    public void ToCamelCase_leaves_names_that_are_legal_parameters_alone(string name) =>
        Assert.Equal(name, Naming.ToCamelCase(name));

    [Theory]
    [InlineData("Stops", "Stop")]
    [InlineData("Entries", "Entry")]
    [InlineData("Customers", "Customer")]
    [InlineData("Categories", "Category")]
    [InlineData("Address", "AddressItem")]
    [InlineData("Status", "StatusItem")]
    [InlineData("Analysis", "AnalysisItem")]
    [InlineData("Children", "ChildrenItem")]
    [InlineData("Data", "DataItem")]
    [InlineData("Items", "Item")]
    [InlineData("Pies", "Pie")]
    [InlineData("IDS", "IDSItem")]
    [InlineData("Ids", "Id")]
    [InlineData("Gas", "GasItem")]
    [InlineData("CanvasAreas", "CanvasAreasItem")]
    [InlineData("PlanTripStops", "PlanTripStop")]
    [InlineData("s", "sItem")]
    [InlineData("", "Item")]
    public void ItemOf_singularises_plain_plurals_and_appends_Item_otherwise(string listName, string expected) =>
        Assert.Equal(expected, Naming.ItemOf(listName));

    [Fact]
    public void UniqueNames_gives_the_first_comer_the_name_and_numbers_the_rest_in_order()
    {
        var used = new HashSet<string>(StringComparer.Ordinal);

        Assert.Equal("Name", UniqueNames.Reserve(used, "Name"));
        Assert.Equal("Name2", UniqueNames.Reserve(used, "Name"));
        Assert.Equal("Name3", UniqueNames.Reserve(used, "Name"));
        Assert.Equal("Other", UniqueNames.Reserve(used, "Other"));
        Assert.Equal("Name4", UniqueNames.Reserve(used, "Name"));
        Assert.Equal(new[] { "Name", "Name2", "Name3", "Name4", "Other" }, used.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void UniqueNames_skips_a_numbered_name_that_is_already_taken()
    {
        var used = new HashSet<string>(StringComparer.Ordinal) { "Name", "Name2" };

        Assert.Equal("Name3", UniqueNames.Reserve(used, "Name"));
        Assert.Equal("Name4", UniqueNames.Reserve(used, "Name"));
    }

    [Fact]
    public void UniqueNames_is_deterministic()
    {
        string[] Run()
        {
            var used = new HashSet<string>(StringComparer.Ordinal);
            return new[] { "A", "B", "A", "A", "B" }.Select(name => UniqueNames.Reserve(used, name)).ToArray();
        }

        Assert.Equal(new[] { "A", "B", "A2", "A3", "B2" }, Run());
        Assert.Equal(Run(), Run());
    }

    private static void AssertValidIdentifier(string identifier, string wireName)
    {
        var bare = identifier.StartsWith('@') ? identifier.Substring(1) : identifier;
        Assert.True(
            SyntaxFacts.IsValidIdentifier(bare),
            $"'{identifier}' (from wire name '{wireName}') is not a valid C# identifier.");
        if (!identifier.StartsWith('@'))
        {
            Assert.True(
                SyntaxFacts.GetKeywordKind(identifier) == SyntaxKind.None,
                $"'{identifier}' (from wire name '{wireName}') is a reserved keyword but is not escaped.");
        }
    }
}
