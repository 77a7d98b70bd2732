using BinhDanHocVuSo.Content.Assessments;

namespace BinhDanHocVuSo.Content.Tests.Assessments;

public class SurveyLoaderTests
{
    private const string ErrorMarker = "# <- error";

    [Fact]
    public void The_minimal_test_survey_loads_without_errors()
    {
        var result = SurveyLoader.Load(TestData("valid-minimal.yaml"), AssessmentPaths.Competences());

        result.Errors.Should().BeEmpty();
        var survey = result.Surveys.Should().ContainSingle().Subject;
        survey.File.Should().Be("Assessments/valid-minimal.yaml");
        survey.Items.Select(i => i.GetType().Name).Should().Equal(nameof(SelfRatingItem), nameof(KnowledgeItem), nameof(AttentionCheckItem));
        survey.Items.OfType<KnowledgeItem>().Single().CorrectOptionId.Should().Be("d");
    }

    [Theory]
    [InlineData("broken-unknown-competence.yaml", "competence '4.9' is not in the competence model")]
    [InlineData("broken-duplicate-item-id.yaml", "item id 'sr-4-1-f' is used twice")]
    [InlineData("broken-two-correct-options.yaml", "2 options are marked correct")]
    [InlineData("broken-no-correct-option.yaml", "no option is marked correct")]
    [InlineData("broken-no-dont-know-option.yaml", "needs the \"Tôi không biết\" option")]
    [InlineData("broken-unknown-scale.yaml", "scale 'skills' is unknown")]
    [InlineData("broken-unknown-band.yaml", "band 'basic' is unknown")]
    [InlineData("broken-target-unknown-role.yaml", "role 'land-office' is not one of the survey's roles")]
    [InlineData("broken-target-unknown-competence.yaml", "competence '7.1' is not in the competence model")]
    [InlineData("broken-missing-version.yaml", "has no 'version'")]
    [InlineData("broken-invalid-yaml.yaml", "not valid YAML")]
    [InlineData("broken-unknown-knowledge-scope.yaml", "knowledge_scope 'page' is unknown: use competence")]
    public void A_broken_definition_gives_one_clear_error_at_its_file_and_line(string file, string message)
    {
        var result = SurveyLoader.Load(TestData(file), AssessmentPaths.Competences());

        var error = result.Errors.Should().ContainSingle().Subject;
        error.File.Should().Be($"Assessments/{file}");
        error.Line.Should().Be(MarkedLine(file));
        error.Message.Should().Contain(message);
        result.Surveys.Should().BeEmpty("a broken file is skipped");
    }

    [Fact]
    public void A_broken_file_in_a_folder_is_reported_and_skipped_while_the_good_one_loads()
    {
        var folder = Directory.CreateTempSubdirectory("survey-tests-").FullName;
        try
        {
            var assessments = Directory.CreateDirectory(Path.Combine(folder, "assessments")).FullName;
            File.Copy(TestData("valid-minimal.yaml"), Path.Combine(assessments, "survey-good.yaml"));
            File.Copy(TestData("broken-unknown-scale.yaml"), Path.Combine(assessments, "survey-broken.yaml"));
            File.WriteAllText(Path.Combine(assessments, "notes.yaml"), "not: [a survey");

            var result = SurveyLoader.Load(assessments, AssessmentPaths.Competences());

            result.Surveys.Select(s => s.File).Should().Equal("assessments/survey-good.yaml");
            result.Errors.Select(e => e.File).Should().Equal("assessments/survey-broken.yaml");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_version_that_does_not_match_the_file_name_is_reported()
    {
        var folder = Directory.CreateTempSubdirectory("survey-tests-").FullName;
        try
        {
            var assessments = Directory.CreateDirectory(Path.Combine(folder, "assessments")).FullName;
            File.Copy(TestData("valid-minimal.yaml"), Path.Combine(assessments, "survey-v2.yaml"));

            var result = SurveyLoader.Load(assessments, AssessmentPaths.Competences());

            var error = result.Errors.Should().ContainSingle().Subject;
            error.ToString().Should().Be("assessments/survey-v2.yaml:3: 'version: 1' does not match the file name 'survey-v2': keep one version per file, named survey-v1.yaml");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("", KnowledgeScope.Competence)]
    [InlineData(", knowledge_scope: competence", KnowledgeScope.Competence)]
    [InlineData(", knowledge_scope: domain", KnowledgeScope.Domain)]
    public void The_knowledge_scope_is_read_and_defaults_to_each_competences_own_questions(string field, KnowledgeScope expected)
    {
        var folder = Directory.CreateTempSubdirectory("survey-tests-").FullName;
        try
        {
            var file = Path.Combine(Directory.CreateDirectory(Path.Combine(folder, "assessments")).FullName, "survey-v1.yaml");
            var text = File.ReadAllText(TestData("valid-minimal.yaml"));
            File.WriteAllText(file, text.Replace("overconfidence_gap: 0.33 }", $"overconfidence_gap: 0.33{field} }}", StringComparison.Ordinal));

            var result = SurveyLoader.Load(file, AssessmentPaths.Competences());

            result.Errors.Should().BeEmpty();
            result.Surveys.Single().Scoring.KnowledgeScope.Should().Be(expected);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string TestData(string file) => Path.Combine(AssessmentPaths.TestDataFolder, file);

    private static int MarkedLine(string file)
    {
        var lines = File.ReadAllLines(TestData(file));
        var index = Array.FindIndex(lines, line => line.TrimEnd().EndsWith(ErrorMarker, StringComparison.Ordinal));
        index.Should().BeGreaterThanOrEqualTo(0, $"{file} marks its broken line with \"{ErrorMarker}\"");
        return index + 1;
    }
}
