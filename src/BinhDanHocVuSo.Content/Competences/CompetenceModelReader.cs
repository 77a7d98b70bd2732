using BinhDanHocVuSo.Content.FrontMatter;
using YamlDotNet.RepresentationModel;

namespace BinhDanHocVuSo.Content.Competences;

internal static class CompetenceModelReader
{
    public static CompetenceModel Read(string path)
    {
        var fullPath = Path.GetFullPath(path);
        var root = Path.GetDirectoryName(Path.GetDirectoryName(fullPath)) ?? "";
        var errors = new ErrorList(ContentPaths.Relative(root, fullPath));
        if (!File.Exists(fullPath))
        {
            errors.Add(0, "the competence model file does not exist: it should list the domains and competences");
            return new CompetenceModel([], errors.Items);
        }

        if (!ContentText.TryDecode(File.ReadAllBytes(fullPath), out var text))
        {
            errors.Add(0, "the file is not valid UTF-8: save it as UTF-8");
            return new CompetenceModel([], errors.Items);
        }

        var node = YamlReader.Load(text, errors, lineOffset: 0, "the competence model");
        var domains = node is null ? [] : ReadDomains(node, errors);
        return new CompetenceModel(domains, errors.Items);
    }

    private static List<CompetenceDomain> ReadDomains(YamlNode root, ErrorList errors)
    {
        var domains = new List<CompetenceDomain>();
        if (root is not YamlMappingNode mapping || Child(mapping, "domains") is not YamlSequenceNode list)
        {
            errors.Add(Line(root), "the file must have a \"domains:\" list, each domain with id, name, name_en and competences");
            return domains;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in list.Children)
        {
            if (item is not YamlMappingNode domainNode)
            {
                errors.Add(Line(item), "each domain must have id, name, name_en and competences");
                continue;
            }

            var domainId = Text(domainNode, "id", errors);
            var competences = new List<Competence>();
            if (Child(domainNode, "competences") is YamlSequenceNode competenceNodes)
            {
                foreach (var competenceNode in competenceNodes.Children.OfType<YamlMappingNode>())
                {
                    var id = Text(competenceNode, "id", errors);
                    var name = Text(competenceNode, "name", errors);
                    var nameEn = Text(competenceNode, "name_en", errors);
                    if (id is null || name is null || nameEn is null || domainId is null)
                    {
                        continue;
                    }

                    if (!seen.Add(id))
                    {
                        errors.Add(Line(competenceNode), $"competence id '{id}' is used twice: ids must be unique");
                        continue;
                    }

                    competences.Add(new Competence(id, domainId, name, nameEn));
                }
            }
            else
            {
                errors.Add(Line(domainNode), $"domain '{domainId}' has no \"competences:\" list");
            }

            var domainName = Text(domainNode, "name", errors);
            var domainNameEn = Text(domainNode, "name_en", errors);
            if (domainId is not null && domainName is not null && domainNameEn is not null)
            {
                domains.Add(new CompetenceDomain(domainId, domainName, domainNameEn, competences));
            }
        }

        return domains;
    }

    private static YamlNode? Child(YamlMappingNode node, string name) =>
        node.Children.TryGetValue(new YamlScalarNode(name), out var child) ? child : null;

    private static string? Text(YamlMappingNode node, string name, ErrorList errors)
    {
        if (Child(node, name) is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value))
        {
            return value.Trim();
        }

        errors.Add(Line(node), $"'{name}' is missing or empty: write it like \"{name}: …\"");
        return null;
    }

    private static int Line(YamlNode node) => (int)node.Start.Line;
}
