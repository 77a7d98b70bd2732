namespace BinhDanHocVuSo.Content.Assessments.Reports;

/// <summary>Which nodes of a report tree may be shown for one measure, without flagged respondents (the default) and with them.</summary>
/// <param name="Default">Per node: shown in the report that leaves flagged respondents out.</param>
/// <param name="Included">Per node: shown in the report that includes them; never shown where <paramref name="Default"/> is not.</param>
public sealed record NodeVisibility(bool[] Default, bool[] Included)
{
    /// <summary>The visibility in the report asked for.</summary>
    public bool[] In(bool includeFlagged) => includeFlagged ? Included : Default;
}

/// <summary>
/// The differencing rule (spec (d), privacy, corrected 2026-12-03) on the counts of one measure. Pure.
/// </summary>
/// <remarks>
/// <para>A report's groups form a tree: the total (node 0), the groups of a coarser grouping (e.g. positions), then the
/// finer ones inside them (e.g. commune × position). Each grouping the page offers is a prefix of such a chain (positions;
/// commune × position; commune × position × age), and nodes are decided one depth at a time with the shallower ones kept
/// as they were decided: so a node shown on one page is decided the same way on every page that shows it, and a coarser
/// page's columns are the aggregates a finer page's cells are checked against.</para>
/// <para>Every shown node must have at least k respondents, and every shown node's remainder — its respondents minus those
/// of the largest shown nodes inside it — must be 0 or at least k. Then every difference between a shown aggregate and
/// any set of disjoint shown nodes inside it is a sum of such remainders and whole shown nodes: 0 or at least k.</para>
/// <para>The same rule on the flagged respondents alone (those who failed the attention check or answered too fast) makes
/// the report that includes them safe beside the default one: a node is shown with them only when it is shown without
/// them and its flagged remainder is 0 or at least k. Every figure of both reports is then a sum over pieces of 0 or at
/// least k respondents (the unflagged and the flagged remainders), so no piece of 1 to k − 1 people can be isolated.</para>
/// <para>When a remainder is too small, the smallest shown node of the depth being decided is hidden, which adds its k
/// or more respondents to the remainder, until it is large enough; hiding a node of k or more never makes another
/// remainder too small.</para>
/// </remarks>
public static class DisclosurePlan
{
    /// <summary>Decides the nodes of a tree for one measure.</summary>
    /// <param name="parents">Each node's parent; -1 for the root (node 0); a parent comes before its children.</param>
    /// <param name="unflagged">Per node: respondents with a value for the measure who are not flagged.</param>
    /// <param name="flagged">Per node: flagged respondents with a value for the measure.</param>
    /// <param name="rootShown">Whether the root is shown at all (the calibration view shows only its groups).</param>
    /// <param name="k">The minimum cell size.</param>
    public static NodeVisibility Decide(IReadOnlyList<int> parents, int[] unflagged, int[] flagged, bool rootShown, int k)
    {
        var n = parents.Count;
        var depth = new int[n];
        var children = new List<int>[n];
        for (var i = 0; i < n; i++)
        {
            children[i] = [];
            if (parents[i] >= 0)
            {
                depth[i] = depth[parents[i]] + 1;
                children[parents[i]].Add(i);
            }
        }

        var shown = new bool[n];
        var included = new bool[n];
        shown[0] = rootShown && unflagged[0] >= k;
        included[0] = shown[0] && Fits(flagged[0], k);
        var maxDepth = n == 0 ? 0 : depth.Max();
        for (var d = 1; d <= maxDepth; d++)
        {
            for (var i = 0; i < n; i++)
            {
                if (depth[i] == d)
                {
                    shown[i] = unflagged[i] >= k;
                }
            }

            Settle(children, depth, d, unflagged, shown, k);
            for (var i = 0; i < n; i++)
            {
                if (depth[i] == d)
                {
                    // A node of this depth has no shown node inside it yet: its flagged remainder is all its flagged.
                    included[i] = shown[i] && Fits(flagged[i], k);
                }
            }

            Settle(children, depth, d, flagged, included, k);
        }

        return new NodeVisibility(shown, included);
    }

    /// <summary>The rule for a group shown on its own (no shown group inside it): k or more, and its flagged part 0 or k or more.</summary>
    public static (bool Default, bool Included) Single(int unflagged, int flagged, int k)
    {
        var shown = unflagged >= k;
        return (shown, shown && Fits(flagged, k));
    }

    /// <summary>
    /// Whether a group that is a union of nodes of a decided tree, but no node of it (e.g. a trainer's communes), may be
    /// shown: only when every one of those nodes with anyone in it is shown. The group is then the sum of shown nodes and
    /// tells nothing they do not; a group with a hidden part beside another reader's group could give that part away.
    /// </summary>
    /// <param name="plan">The tree's decision.</param>
    /// <param name="unflagged">Per node of the tree: respondents with a value who are not flagged.</param>
    /// <param name="flagged">Per node: flagged respondents with a value.</param>
    /// <param name="parts">The disjoint nodes the group is made of.</param>
    /// <param name="includeFlagged">Whether the report includes flagged respondents.</param>
    /// <param name="k">The minimum cell size.</param>
    public static bool Union(NodeVisibility plan, int[] unflagged, int[] flagged, IEnumerable<int> parts, bool includeFlagged, int k)
    {
        var shown = plan.In(includeFlagged);
        var counted = 0;
        foreach (var part in parts)
        {
            if (unflagged[part] + (includeFlagged ? flagged[part] : 0) == 0)
            {
                continue;
            }

            if (!shown[part])
            {
                return false;
            }

            counted += unflagged[part];
        }

        return counted >= k;
    }

    private static bool Fits(int remainder, int k) => remainder == 0 || remainder >= k;

    // Makes the remainder of every shown node shallower than d fit, by hiding the smallest shown nodes of depth d inside it.
    private static void Settle(List<int>[] children, int[] depth, int d, int[] count, bool[] shown, int k)
    {
        for (var a = children.Length - 1; a >= 0; a--)
        {
            if (!shown[a] || depth[a] >= d)
            {
                continue;
            }

            var inside = new List<int>();
            Largest(children, a, depth, d, shown, inside);
            var remainder = count[a];
            foreach (var node in inside)
            {
                remainder -= count[node];
            }

            if (Fits(remainder, k))
            {
                continue;
            }

            // Only nodes of depth d may be hidden here: shallower ones were decided on a coarser page.
            var candidates = inside.Where(node => depth[node] == d && count[node] > 0).OrderBy(node => count[node]).ThenBy(node => node);
            foreach (var node in candidates)
            {
                shown[node] = false;
                remainder += count[node];
                if (Fits(remainder, k))
                {
                    break;
                }
            }

            if (!Fits(remainder, k) && depth[a] == 0)
            {
                // Only the root can be left like this (its flagged part alone is 1 to k − 1): it is hidden instead.
                shown[a] = false;
            }
        }
    }

    // The largest shown nodes inside a, down to depth d.
    private static void Largest(List<int>[] children, int a, int[] depth, int d, bool[] shown, List<int> found)
    {
        foreach (var child in children[a])
        {
            if (depth[child] > d)
            {
                continue;
            }

            if (shown[child])
            {
                found.Add(child);
            }
            else
            {
                Largest(children, child, depth, d, shown, found);
            }
        }
    }
}
