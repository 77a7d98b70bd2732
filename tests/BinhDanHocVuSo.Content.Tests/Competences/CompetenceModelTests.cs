using BinhDanHocVuSo.Content.Competences;

namespace BinhDanHocVuSo.Content.Tests.Competences;

public class CompetenceModelTests
{
    [Fact]
    public void The_repository_competence_model_has_the_seven_domains_from_0_1_to_6_3()
    {
        var model = CompetenceModel.Load(RepositoryPaths.Competences);

        model.Errors.Select(e => e.ToString()).Should().BeEmpty();
        model.Domains.Select(d => d.Id).Should().Equal("0", "1", "2", "3", "4", "5", "6");
        model.Competences.First().Id.Should().Be("0.1");
        model.Competences.Last().Id.Should().Be("6.3");
        model.Contains("4.2").Should().BeTrue();
        model.Contains("9.9").Should().BeFalse();
        model.Find("4.2").Should().BeEquivalentTo(new { DomainId = "4", Name = "Bảo vệ dữ liệu cá nhân và quyền riêng tư", NameEn = "Personal data & privacy" });
    }

    [Fact]
    public void Invalid_yaml_is_reported_with_the_file_and_line()
    {
        var model = CompetenceModel.Load(Path.Combine(RepositoryPaths.TestData, "Competences", "invalid-yaml.yaml"));

        model.Errors.Should().ContainSingle();
        model.Errors[0].File.Should().Be("Competences/invalid-yaml.yaml");
        model.Errors[0].Line.Should().Be(7);
        model.Errors[0].Message.Should().Contain("not valid YAML");
    }

    [Fact]
    public void A_competence_id_used_twice_is_reported_at_the_second_one()
    {
        var model = CompetenceModel.Load(Path.Combine(RepositoryPaths.TestData, "Competences", "duplicate-id.yaml"));

        model.Errors.Should().ContainSingle().Which.Should().Be(new ContentError("Competences/duplicate-id.yaml", 10, "competence id '0.1' is used twice: ids must be unique"));
        model.Competences.Should().ContainSingle();
    }
}
