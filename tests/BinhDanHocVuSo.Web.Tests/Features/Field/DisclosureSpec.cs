using BinhDanHocVuSo.Web.Features.Field;
using static BinhDanHocVuSo.Web.Features.Field.Disclosure;

namespace BinhDanHocVuSo.Web.Tests.Features.Field;

/// <summary>The progress pages' privacy rule: no figure about 1 to 4 people, shown or found by subtraction.</summary>
public sealed class DisclosureSpec
{
    static Node Commune(string key, params (string Key, int Count)[] villages) =>
        new(key, villages.Sum(v => v.Count), [.. villages.Select(v => Node.Leaf(v.Key, v.Count))]);

    [Fact]
    public void A_village_of_3_is_hidden_and_so_is_its_commune_total_which_would_give_it_away()
    {
        var commune = Commune("a", ("a/1", 3), ("a/2", 10), ("a/3", 0));
        var hidden = Hidden(new Node("*", commune.Count, [commune]));

        hidden.Should().Contain(["a/1", "a"]).And.NotContain(["a/2", "a/3"]);
    }

    [Fact]
    public void Two_small_villages_of_together_5_or_more_leave_the_commune_total_shown()
    {
        var commune = Commune("a", ("a/1", 3), ("a/2", 4), ("a/3", 12));
        var hidden = Hidden(new Node("*", commune.Count, [commune]));

        hidden.Should().BeEquivalentTo(["a/1", "a/2"]);
    }

    [Fact]
    public void Hidden_communes_whose_uncovered_people_are_1_to_4_hide_the_province_total()
    {
        var a = Commune("a", ("a/1", 2), ("a/2", 10));
        var b = Commune("b", ("b/1", 20));
        var hidden = Hidden(new Node("*", a.Count + b.Count, [a, b]));

        hidden.Should().BeEquivalentTo(["a/1", "a", "*"]);
    }

    [Fact]
    public void Zero_and_five_or_more_are_always_shown() =>
        Hidden(new Node("*", 5, [Commune("a", ("a/1", 0), ("a/2", 5))])).Should().BeEmpty();
}
