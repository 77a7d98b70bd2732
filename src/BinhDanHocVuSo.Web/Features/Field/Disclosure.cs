namespace BinhDanHocVuSo.Web.Features.Field;

/// <summary>
/// The privacy rule of the progress pages, the survey's rule made simple: no figure about fewer than 5 people, shown or
/// recoverable by subtraction. The figures of one target form a tree (province → communes → villages and "no village
/// chosen"), decided once for every reader:
/// <list type="number">
/// <item>a count of 1 to 4 is hidden (shown as "&lt; 5");</item>
/// <item>going up, a shown figure minus the shown figures inside it leaves the people of the hidden figures under it that
/// no shown figure covers; when that remainder is 1 to 4 the figure above is hidden too, and its remainder moves up.</item>
/// </list>
/// So a commune total is hidden when its hidden villages hold 1 to 4 people together, and the province total when the
/// uncovered people of all communes are 1 to 4. A team's figure (a sum of villages) is shown only when each of its
/// villages is shown, so it adds nothing that subtraction could use.
/// </summary>
public static class Disclosure
{
    public const int Threshold = 5;

    public sealed record Node(string Key, int Count, IReadOnlyList<Node> Children)
    {
        public static Node Leaf(string key, int count) => new(key, count, []);
    }

    /// <summary>Whether a count alone may be shown: 0 or at least <see cref="Threshold"/>.</summary>
    public static bool Small(int count) => count is > 0 and < Threshold;

    /// <summary>The keys of the figures hidden in the tree.</summary>
    public static IReadOnlySet<string> Hidden(Node root)
    {
        var hidden = new HashSet<string>(StringComparer.Ordinal);
        Uncovered(root, hidden);
        return hidden;
    }

    /// <summary>Decides the node and returns the people under it that no shown figure covers (all of them when it is hidden).</summary>
    static int Uncovered(Node node, HashSet<string> hidden)
    {
        if (node.Children.Count == 0)
        {
            if (Small(node.Count))
            {
                hidden.Add(node.Key);
                return node.Count;
            }
            return 0;
        }
        var remainder = node.Children.Sum(child => Uncovered(child, hidden));
        if (Small(node.Count) || Small(remainder))
        {
            hidden.Add(node.Key);
            // Hidden, the node covers nothing: what it left uncovered stays uncovered above.
            return remainder;
        }
        return 0;
    }
}
