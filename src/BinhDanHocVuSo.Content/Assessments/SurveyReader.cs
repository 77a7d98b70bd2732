using System.Globalization;
using System.Text.RegularExpressions;
using BinhDanHocVuSo.Content.Competences;
using BinhDanHocVuSo.Content.FrontMatter;
using YamlDotNet.RepresentationModel;

namespace BinhDanHocVuSo.Content.Assessments;

/// <summary>Reads and validates one survey definition file; returns null when it has any error.</summary>
internal sealed partial class SurveyReader(CompetenceModel model, ErrorList errors)
{
    private const string DontKnowText = "Tôi không biết";
    private const int KnowledgeOptionCount = 4;

    private readonly Dictionary<string, int> _itemLines = new(StringComparer.Ordinal);

    public static SurveyDefinition? Read(string fullPath, CompetenceModel model, ErrorList errors)
    {
        if (!ContentText.TryDecode(File.ReadAllBytes(fullPath), out var text))
        {
            errors.Add(0, "the file is not valid UTF-8: save it as UTF-8");
            return null;
        }

        var (firstNonNfc, nonNfcCount) = ContentText.FindNonNfcLines(ContentText.SplitLines(text));
        if (nonNfcCount > 0)
        {
            errors.Add(firstNonNfc, $"{nonNfcCount} line(s) are not in Unicode NFC form (Vietnamese letters typed as letter + separate accent): convert the file to NFC");
        }

        var root = YamlReader.Load(text, errors, lineOffset: 0, "the survey definition");
        if (root is null)
        {
            if (errors.Count == 0)
            {
                errors.Add(0, "the file is empty: it should define a survey (see assessments/README.md)");
            }

            return null;
        }

        var fields = SurveyFields.Of(root, errors, "the survey", "id, version, title, answer_scales, pages …");
        if (fields is null)
        {
            return null;
        }

        var survey = new SurveyReader(model, errors).ReadSurvey(fields, Path.GetFileNameWithoutExtension(fullPath));
        return errors.Count == 0 ? survey : null;
    }

    private SurveyDefinition? ReadSurvey(SurveyFields survey, string fileName)
    {
        survey.RejectUnknown(
            "id", "version", "title", "introduction", "max_minutes", "answer_scales", "bands", "max_level", "roles",
            "background", "pages", "targets", "importance_weights", "scoring", "recommendations", "privacy", "reporting");
        var id = survey.Slug("id");
        var version = ReadVersion(survey, fileName);
        var title = survey.String("title");
        var introduction = survey.String("introduction");
        var maxMinutes = survey.Int("max_minutes", 1, 600);
        var scales = ReadScales(survey);
        var maxLevel = survey.Int("max_level", 1, 20) ?? 6;
        var bands = ReadBands(survey, maxLevel);
        var roles = ReadRoles(survey);
        var background = ReadBackground(survey, roles);
        var pages = ReadPages(survey, scales, bands);
        var targets = ReadTargets(survey, roles, pages, maxLevel);
        var weights = ReadWeights(survey, maxLevel);
        var scoring = ReadScoring(survey);
        var recommendations = ReadRecommendations(survey);
        var privacy = ReadPrivacy(survey);
        var reporting = ReadReporting(survey);
        if (errors.Count > 0)
        {
            return null;
        }

        return new SurveyDefinition(
            id!, version!.Value, title!, introduction!, maxMinutes!.Value, errors.File, scales, bands, maxLevel, roles,
            background, pages, targets, weights!, scoring!, recommendations!, privacy!, reporting!);
    }

    private int? ReadVersion(SurveyFields survey, string fileName)
    {
        if (!survey.Has("version"))
        {
            errors.Add(survey.Line, "the survey has no 'version': add \"version: 1\" (results keep the version they answered; a changed survey is a new file with the next version)");
            return null;
        }

        var version = survey.Int("version", 1, 1000);
        if (version is not null && FileVersion().Match(fileName) is { Success: true } match
            && int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) != version)
        {
            errors.Add(survey.LineOf("version"), $"'version: {version}' does not match the file name '{fileName}': keep one version per file, named survey-v{version}.yaml");
        }

        return version;
    }

    private List<AnswerScale> ReadScales(SurveyFields survey)
    {
        var scales = new List<AnswerScale>();
        foreach (var node in survey.List("answer_scales")?.Children ?? [])
        {
            var scale = SurveyFields.Of(node, errors, "an answer scale", "id, name, prompt, in_level_score and options");
            if (scale is null)
            {
                continue;
            }

            scale.RejectUnknown("id", "name", "prompt", "in_level_score", "options");
            var id = scale.Slug("id");
            var name = scale.String("name");
            var prompt = scale.String("prompt");
            var inLevelScore = scale.Bool("in_level_score", required: true);
            var options = new List<ScaleOption>();
            foreach (var optionNode in scale.List("options")?.Children ?? [])
            {
                var option = SurveyFields.Of(optionNode, errors, $"an option of scale '{id}'", "code and label");
                option?.RejectUnknown("code", "label");
                var code = option?.Int("code", 0, 10);
                var label = option?.String("label");
                if (code is not null && label is not null)
                {
                    if (code != options.Count)
                    {
                        errors.Add(SurveyFields.LineOf(optionNode), $"scale '{id}': option codes must be 0, 1, 2 … in order, but this one is {code} (expected {options.Count})");
                    }

                    options.Add(new ScaleOption(code.Value, label));
                }
            }

            if (id is null || name is null || prompt is null)
            {
                continue;
            }

            if (scales.Any(s => s.Id == id))
            {
                errors.Add(scale.LineOf("id"), $"answer scale id '{id}' is used twice: ids must be unique");
                continue;
            }

            scales.Add(new AnswerScale(id, name, prompt, inLevelScore, options));
        }

        return scales;
    }

    private List<ScoreBand> ReadBands(SurveyFields survey, int maxLevel)
    {
        var bands = new List<ScoreBand>();
        foreach (var node in survey.List("bands")?.Children ?? [])
        {
            var band = SurveyFields.Of(node, errors, "a band", "id, name, min_score and min_level");
            if (band is null)
            {
                continue;
            }

            band.RejectUnknown("id", "name", "min_score", "min_level");
            var id = band.Slug("id");
            var name = band.String("name");
            var minScore = band.Number("min_score", 0, 1);
            var minLevel = band.Int("min_level", 0, maxLevel);
            if (id is null || name is null || minScore is null || minLevel is null)
            {
                continue;
            }

            if (bands.Count == 0 && minScore != 0)
            {
                errors.Add(band.LineOf("min_score"), $"band '{id}': the first band must start at min_score 0 so that every score has a band");
            }
            else if (bands.Count > 0 && (minScore <= bands[^1].MinScore || minLevel <= bands[^1].MinLevel || minScore >= 1 || minLevel >= maxLevel))
            {
                errors.Add(band.Line, $"band '{id}': bands must go up from the lowest, each with a higher min_score (below 1) and min_level (below max_level {maxLevel}) than the one before");
            }

            if (bands.Any(b => b.Id == id))
            {
                errors.Add(band.LineOf("id"), $"band id '{id}' is used twice: ids must be unique");
                continue;
            }

            bands.Add(new ScoreBand(id, name, minScore.Value, minLevel.Value));
        }

        return bands;
    }

    private List<SurveyRole> ReadRoles(SurveyFields survey)
    {
        var roles = new List<SurveyRole>();
        foreach (var node in survey.List("roles")?.Children ?? [])
        {
            var role = SurveyFields.Of(node, errors, "a role", "id and name");
            role?.RejectUnknown("id", "name");
            var id = role?.Slug("id");
            var name = role?.String("name");
            if (role is null || id is null || name is null)
            {
                continue;
            }

            if (roles.Any(r => r.Id == id))
            {
                errors.Add(role.LineOf("id"), $"role id '{id}' is used twice: ids must be unique");
                continue;
            }

            roles.Add(new SurveyRole(id, name));
        }

        return roles;
    }

    private List<BackgroundQuestion> ReadBackground(SurveyFields survey, List<SurveyRole> roles)
    {
        var questions = new List<BackgroundQuestion>();
        foreach (var node in survey.List("background")?.Children ?? [])
        {
            var question = SurveyFields.Of(node, errors, "a background question", "id, kind and text");
            if (question is null)
            {
                continue;
            }

            question.RejectUnknown("id", "kind", "text", "options");
            var id = question.Slug("id");
            var kindText = question.String("kind");
            var text = question.String("text");
            BackgroundKind? kind = kindText switch
            {
                "commune" => BackgroundKind.Commune,
                "role" => BackgroundKind.Role,
                "choice" => BackgroundKind.Choice,
                _ => null,
            };
            if (kindText is not null && kind is null)
            {
                errors.Add(question.LineOf("kind"), $"background question '{id}': kind '{kindText}' is unknown: use commune, role or choice");
            }

            var options = new List<ChoiceOption>();
            if (kind == BackgroundKind.Choice)
            {
                foreach (var optionNode in question.List("options")?.Children ?? [])
                {
                    var option = SurveyFields.Of(optionNode, errors, $"an option of background question '{id}'", "id and label");
                    option?.RejectUnknown("id", "label");
                    var optionId = option?.Slug("id");
                    var label = option?.String("label");
                    if (optionId is not null && label is not null)
                    {
                        options.Add(new ChoiceOption(optionId, label));
                    }
                }
            }
            else if (question.Has("options"))
            {
                errors.Add(question.LineOf("options"), $"background question '{id}': only kind 'choice' lists its options (commune comes from the accounts, role from 'roles')");
            }

            if (kind == BackgroundKind.Role && roles.Count == 0)
            {
                errors.Add(question.Line, $"background question '{id}' asks for the role, but the survey has no 'roles'");
            }

            if (id is not null && kind is not null && text is not null)
            {
                questions.Add(new BackgroundQuestion(id, kind.Value, text, options));
            }
        }

        return questions;
    }

    private List<SurveyPage> ReadPages(SurveyFields survey, List<AnswerScale> scales, List<ScoreBand> bands)
    {
        var pages = new List<SurveyPage>();
        foreach (var node in survey.List("pages")?.Children ?? [])
        {
            var page = SurveyFields.Of(node, errors, "a page", "id, domain, title and items");
            if (page is null)
            {
                continue;
            }

            page.RejectUnknown("id", "domain", "title", "items");
            var id = page.Slug("id");
            var domainId = page.String("domain");
            var title = page.String("title");
            if (domainId is not null && !model.Domains.Any(d => d.Id == domainId))
            {
                errors.Add(page.LineOf("domain"), $"page '{id}': domain '{domainId}' is not in the competence model (assessments/competences.yaml)");
            }

            if (id is not null && pages.Any(p => p.Id == id))
            {
                errors.Add(page.LineOf("id"), $"page id '{id}' is used twice: ids must be unique");
            }

            var items = new List<SurveyItem>();
            foreach (var itemNode in page.List("items")?.Children ?? [])
            {
                if (ReadItem(itemNode, domainId, scales, bands) is { } item)
                {
                    items.Add(item);
                }
            }

            if (id is not null && domainId is not null && title is not null)
            {
                pages.Add(new SurveyPage(id, domainId, title, items));
            }
        }

        return pages;
    }

    private SurveyItem? ReadItem(YamlNode node, string? pageDomainId, List<AnswerScale> scales, List<ScoreBand> bands)
    {
        var item = SurveyFields.Of(node, errors, "an item", "id, kind and text");
        if (item is null)
        {
            return null;
        }

        var id = item.Slug("id");
        var what = $"item '{id}'";
        var kind = item.String("kind");
        var text = item.String("text");
        if (id is not null)
        {
            if (_itemLines.TryGetValue(id, out var firstLine))
            {
                errors.Add(item.LineOf("id"), $"item id '{id}' is used twice (first on line {firstLine}): every item needs its own id, because answers are stored by it");
            }
            else
            {
                _itemLines[id] = item.LineOf("id");
            }
        }

        switch (kind)
        {
            case "self-rating":
            {
                item.RejectUnknown("id", "kind", "text", "competence", "band", "scale");
                var competenceId = ReadCompetence(item, what, pageDomainId);
                var bandId = ReadReference(item, what, "band", bands.Select(b => b.Id));
                var scaleId = ReadReference(item, what, "scale", scales.Select(s => s.Id));
                return id is null || text is null || competenceId is null || bandId is null || scaleId is null
                    ? null
                    : new SelfRatingItem(id, text, item.Line, competenceId, bandId, scaleId);
            }

            case "knowledge":
            {
                item.RejectUnknown("id", "kind", "text", "competence", "options", "explanation");
                var competenceId = ReadCompetence(item, what, pageDomainId);
                var explanation = item.String("explanation", required: false) ?? "";
                var options = ReadKnowledgeOptions(item, what);
                return id is null || text is null || competenceId is null || options is null
                    ? null
                    : new KnowledgeItem(id, text, item.Line, competenceId, options, explanation);
            }

            case "attention-check":
            {
                item.RejectUnknown("id", "kind", "text", "scale", "expected_code");
                var scaleId = ReadReference(item, what, "scale", scales.Select(s => s.Id));
                var expected = item.Int("expected_code", 0, 10);
                var scale = scales.FirstOrDefault(s => s.Id == scaleId);
                if (scale is not null && expected is not null && !scale.Options.Any(o => o.Code == expected))
                {
                    errors.Add(item.LineOf("expected_code"), $"{what}: expected_code {expected} is not a code of scale '{scaleId}'");
                }

                return id is null || text is null || scaleId is null || expected is null
                    ? null
                    : new AttentionCheckItem(id, text, item.Line, scaleId, expected.Value);
            }

            case null:
                return null;

            default:
                errors.Add(item.LineOf("kind"), $"{what}: kind '{kind}' is unknown: use self-rating, knowledge or attention-check");
                return null;
        }
    }

    private string? ReadCompetence(SurveyFields item, string what, string? pageDomainId)
    {
        var competenceId = item.String("competence");
        if (competenceId is null)
        {
            return null;
        }

        var competence = model.Find(competenceId);
        if (competence is null)
        {
            errors.Add(item.LineOf("competence"), $"{what}: competence '{competenceId}' is not in the competence model (assessments/competences.yaml); write its id in quotes, e.g. competence: \"4.2\"");
            return null;
        }

        if (pageDomainId is not null && competence.DomainId != pageDomainId)
        {
            errors.Add(item.LineOf("competence"), $"{what}: competence '{competenceId}' belongs to domain {competence.DomainId}, but this page is for domain {pageDomainId}: each page holds one domain");
        }

        return competenceId;
    }

    private string? ReadReference(SurveyFields item, string what, string name, IEnumerable<string> known)
    {
        var value = item.String(name);
        var ids = known.ToList();
        if (value is not null && !ids.Contains(value, StringComparer.Ordinal))
        {
            errors.Add(item.LineOf(name), $"{what}: {name} '{value}' is unknown: use one of {string.Join(", ", ids)}");
            return null;
        }

        return value;
    }

    private List<KnowledgeOption>? ReadKnowledgeOptions(SurveyFields item, string what)
    {
        var list = item.List("options");
        if (list is null)
        {
            return null;
        }

        var options = new List<KnowledgeOption>();
        foreach (var node in list.Children)
        {
            var option = SurveyFields.Of(node, errors, $"{what}, an option", "id and text");
            if (option is null)
            {
                continue;
            }

            option.RejectUnknown("id", "text", "correct", "dont_know");
            var id = option.Slug("id");
            var text = option.String("text");
            var correct = option.Bool("correct");
            var dontKnow = option.Bool("dont_know");
            if (dontKnow && correct)
            {
                errors.Add(option.Line, $"{what}: the \"{DontKnowText}\" option cannot be the correct one");
            }

            if (dontKnow && text is not null && text != DontKnowText)
            {
                errors.Add(option.LineOf("text"), $"{what}: the dont_know option must read \"{DontKnowText}\"");
            }

            if (id is not null && options.Any(o => o.Id == id))
            {
                errors.Add(option.LineOf("id"), $"{what}: option id '{id}' is used twice");
            }

            if (id is not null && text is not null)
            {
                options.Add(new KnowledgeOption(id, text, correct, dontKnow));
            }
        }

        var line = item.LineOf("options");
        var dontKnowCount = options.Count(o => o.IsDontKnow);
        var correctCount = options.Count(o => o.IsCorrect);
        var substantive = options.Count(o => !o.IsDontKnow);
        if (dontKnowCount != 1)
        {
            errors.Add(line, dontKnowCount == 0
                ? $"{what}: a knowledge question needs the \"{DontKnowText}\" option: add \"- {{ id: x, text: {DontKnowText}, dont_know: true }}\""
                : $"{what}: has {dontKnowCount} \"{DontKnowText}\" options: keep exactly one");
        }

        if (correctCount != 1)
        {
            errors.Add(line, correctCount == 0
                ? $"{what}: no option is marked correct: mark exactly one with \"correct: true\""
                : $"{what}: {correctCount} options are marked correct: a knowledge question has exactly one correct option");
        }

        if (substantive != KnowledgeOptionCount)
        {
            errors.Add(line, $"{what}: has {substantive} answer options besides \"{DontKnowText}\": a knowledge question has exactly {KnowledgeOptionCount}");
        }

        return options;
    }

    private RoleTargets ReadTargets(SurveyFields survey, List<SurveyRole> roles, List<SurveyPage> pages, int maxLevel)
    {
        var targets = survey.Map("targets", "baseline and roles");
        if (targets is null)
        {
            return new RoleTargets(new Dictionary<string, int>(), new Dictionary<string, IReadOnlyDictionary<string, int>>());
        }

        targets.RejectUnknown("baseline", "roles");
        var baseline = ReadLevels(targets.Entries("baseline"), "targets.baseline", maxLevel);
        var rated = pages.SelectMany(p => p.Items).OfType<SelfRatingItem>().Select(i => i.CompetenceId).Distinct();
        var missing = rated.Where(c => !baseline.ContainsKey(c)).ToList();
        if (missing.Count > 0 && targets.Has("baseline"))
        {
            errors.Add(targets.LineOf("baseline"), $"targets.baseline has no target for {string.Join(", ", missing)}: every competence with items needs one");
        }

        var byRole = new Dictionary<string, IReadOnlyDictionary<string, int>>(StringComparer.Ordinal);
        foreach (var (roleId, line, value) in targets.Entries("roles", required: false))
        {
            if (!roles.Any(r => r.Id == roleId))
            {
                errors.Add(line, $"targets.roles: role '{roleId}' is not one of the survey's roles ({string.Join(", ", roles.Select(r => r.Id))})");
                continue;
            }

            if (value is not YamlMappingNode overrides)
            {
                errors.Add(line, $"targets.roles.{roleId} must list competence ids and levels, e.g. \"2.3\": 5");
                continue;
            }

            byRole[roleId] = ReadLevels(EntriesOf(overrides), $"targets.roles.{roleId}", maxLevel);
        }

        return new RoleTargets(baseline, byRole);
    }

    private static IEnumerable<(string Key, int Line, YamlNode Value)> EntriesOf(YamlMappingNode node) =>
        node.Children.Select(entry => ((entry.Key as YamlScalarNode)?.Value ?? "", SurveyFields.LineOf(entry.Key), entry.Value));

    private Dictionary<string, int> ReadLevels(IEnumerable<(string Key, int Line, YamlNode Value)> entries, string what, int maxLevel)
    {
        var levels = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (competenceId, line, value) in entries)
        {
            if (!model.Contains(competenceId))
            {
                errors.Add(line, $"{what}: competence '{competenceId}' is not in the competence model (assessments/competences.yaml)");
                continue;
            }

            if (value is not YamlScalarNode { Value: { } text }
                || !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var level) || level < 0 || level > maxLevel)
            {
                errors.Add(line, $"{what}: the target of '{competenceId}' must be a level from 0 to {maxLevel}");
                continue;
            }

            levels[competenceId] = level;
        }

        return levels;
    }

    private ImportanceWeights? ReadWeights(SurveyFields survey, int maxLevel)
    {
        var weights = survey.Map("importance_weights", "role_override, baseline_by_target and default");
        if (weights is null)
        {
            return null;
        }

        weights.RejectUnknown("role_override", "baseline_by_target", "default");
        var roleOverride = weights.Number("role_override", 0, 100);
        var fallback = weights.Number("default", 0, 100);
        var byTarget = new Dictionary<int, double>();
        foreach (var (key, line, value) in weights.Entries("baseline_by_target", required: false))
        {
            if (!int.TryParse(key, NumberStyles.Integer, CultureInfo.InvariantCulture, out var target) || target < 0 || target > maxLevel
                || value is not YamlScalarNode { Value: { } text }
                || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) || weight < 0)
            {
                errors.Add(line, $"importance_weights.baseline_by_target: write \"target level: weight\", e.g. \"3: 2\" (levels 0 to {maxLevel})");
                continue;
            }

            byTarget[target] = weight;
        }

        return roleOverride is null || fallback is null ? null : new ImportanceWeights(roleOverride.Value, byTarget, fallback.Value);
    }

    private ScoringRules? ReadScoring(SurveyFields survey)
    {
        var scoring = survey.Map("scoring", "min_answered_share, self_weight, knowledge_weight and overconfidence_gap");
        if (scoring is null)
        {
            return null;
        }

        scoring.RejectUnknown("min_answered_share", "self_weight", "knowledge_weight", "overconfidence_gap", "knowledge_scope");
        var minAnswered = scoring.Number("min_answered_share", 0, 1);
        var self = scoring.Number("self_weight", 0, 1);
        var knowledge = scoring.Number("knowledge_weight", 0, 1);
        var overconfidence = scoring.Number("overconfidence_gap", 0, 1);
        if (self is not null && knowledge is not null && Math.Abs(self.Value + knowledge.Value - 1) > 1e-9)
        {
            errors.Add(scoring.LineOf("knowledge_weight"), "scoring: self_weight and knowledge_weight must add up to 1");
        }

        var scope = ReadKnowledgeScope(scoring);
        return minAnswered is null || self is null || knowledge is null || overconfidence is null || scope is null
            ? null
            : new ScoringRules(minAnswered.Value, self.Value, knowledge.Value, overconfidence.Value, scope.Value);
    }

    /// <summary>The optional <c>knowledge_scope</c>: <c>competence</c> (the default) or <c>domain</c>.</summary>
    private KnowledgeScope? ReadKnowledgeScope(SurveyFields scoring)
    {
        if (!scoring.Has("knowledge_scope"))
        {
            return KnowledgeScope.Competence;
        }

        switch (scoring.String("knowledge_scope"))
        {
            case "competence":
                return KnowledgeScope.Competence;
            case "domain":
                return KnowledgeScope.Domain;
            case null:
                return null;
            case var other:
                errors.Add(scoring.LineOf("knowledge_scope"), $"scoring: knowledge_scope '{other}' is unknown: use competence (each competence's own questions) or domain (every question of the domain's page)");
                return null;
        }
    }

    private RecommendationRules? ReadRecommendations(SurveyFields survey)
    {
        var rules = survey.Map("recommendations", "min_share_below_target, min_mean_gap, top and domain_order");
        if (rules is null)
        {
            return null;
        }

        rules.RejectUnknown("min_share_below_target", "min_mean_gap", "top", "domain_order");
        var minShare = rules.Number("min_share_below_target", 0, 1);
        var minGap = rules.Number("min_mean_gap", 0, 20);
        var top = rules.Int("top", 1, 100);
        var order = new List<string>();
        var list = rules.List("domain_order");
        foreach (var node in list?.Children ?? [])
        {
            var domainId = (node as YamlScalarNode)?.Value ?? "";
            if (!model.Domains.Any(d => d.Id == domainId) || order.Contains(domainId))
            {
                errors.Add(SurveyFields.LineOf(node), $"recommendations.domain_order: '{domainId}' is not a domain of the competence model, or is listed twice");
                continue;
            }

            order.Add(domainId);
        }

        var unlisted = model.Domains.Select(d => d.Id).Except(order).ToList();
        if (list is not null && unlisted.Count > 0)
        {
            errors.Add(rules.LineOf("domain_order"), $"recommendations.domain_order must list every domain once; missing: {string.Join(", ", unlisted)}");
        }

        return minShare is null || minGap is null || top is null ? null : new RecommendationRules(minShare.Value, minGap.Value, top.Value, order);
    }

    private PrivacyRules? ReadPrivacy(SurveyFields survey)
    {
        var privacy = survey.Map("privacy", "min_cell_size, round_percent_to and round_percent_below_n");
        if (privacy is null)
        {
            return null;
        }

        privacy.RejectUnknown("min_cell_size", "round_percent_to", "round_percent_below_n");
        var minCell = privacy.Int("min_cell_size", 1, 1000);
        var roundTo = privacy.Int("round_percent_to", 1, 100);
        var roundBelow = privacy.Int("round_percent_below_n", 0, 10000);
        return minCell is null || roundTo is null || roundBelow is null ? null : new PrivacyRules(minCell.Value, roundTo.Value, roundBelow.Value);
    }

    private ReportingRules? ReadReporting(SurveyFields survey)
    {
        var reporting = survey.Map("reporting", "the report thresholds");
        if (reporting is null)
        {
            return null;
        }

        string[] names =
        [
            "response_rate_flag_below", "min_seconds_per_item", "alpha_accept", "alpha_review", "alpha_redundant",
            "min_item_total_correlation", "knowledge_difficulty_min", "knowledge_difficulty_max",
        ];
        reporting.RejectUnknown(names);
        var values = names.Select(name => reporting.Number(name, 0, name == "min_seconds_per_item" ? 600 : 1)).ToList();
        if (values.Any(v => v is null))
        {
            return null;
        }

        return new ReportingRules(
            values[0]!.Value, values[1]!.Value, values[2]!.Value, values[3]!.Value, values[4]!.Value, values[5]!.Value,
            values[6]!.Value, values[7]!.Value);
    }

    [GeneratedRegex(@"-v(\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex FileVersion();
}
