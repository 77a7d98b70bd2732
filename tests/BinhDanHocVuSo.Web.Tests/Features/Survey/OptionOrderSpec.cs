using BinhDanHocVuSo.Content.Assessments;
using BinhDanHocVuSo.Web.Features.Survey;

namespace BinhDanHocVuSo.Web.Tests.Features.Survey;

/// <summary>Knowledge questions show their options in an order of each response's own, the same every time it is shown.</summary>
public sealed class OptionOrderSpec
{
    static readonly IReadOnlyList<KnowledgeItem> Questions = [.. Shipped.Survey.Items.OfType<KnowledgeItem>()];

    static string OrderOf(Guid response) =>
        string.Join(" | ", Questions.Select(q => string.Join(",", OptionOrder.Of(response, q).Select(o => o.Id))));

    [Fact]
    public void Two_responses_see_the_questions_options_in_different_orders()
    {
        Questions.Should().NotBeEmpty();

        OrderOf(Guid.Parse("0d6f6a7e-3c52-4b7e-9a55-1f8b2d0c4e11")).Should().NotBe(OrderOf(Guid.Parse("7a1c9e30-55d2-4f0a-8b6e-c2e4a9f1b372")));
    }

    [Fact]
    public void The_same_response_sees_the_same_order_every_time()
    {
        var response = Guid.NewGuid();

        OrderOf(response).Should().Be(OrderOf(response));
    }

    [Fact]
    public void Every_option_is_shown_once_and_I_do_not_know_stays_last()
    {
        foreach (var question in Questions)
        {
            var shown = OptionOrder.Of(Guid.NewGuid(), question);

            shown.Select(o => o.Id).Should().BeEquivalentTo(question.Options.Select(o => o.Id), $"question {question.Id} shows each option once");
            shown[^1].IsDontKnow.Should().Be(question.Options.Any(o => o.IsDontKnow), $"“Tôi không biết” closes the list of {question.Id}");
        }
    }

    [Fact]
    public void Across_respondents_the_right_answer_is_in_every_place_not_where_the_author_put_it()
    {
        var responses = Enumerable.Range(0, 200).Select(i => new Guid(i, 7, 11, [1, 2, 3, 4, 5, 6, 7, 8])).ToList();

        foreach (var question in Questions)
        {
            var places = responses.Select(r => OptionOrder.Of(r, question).ToList().FindIndex(o => o.IsCorrect)).ToList();
            var choices = question.Options.Count(o => !o.IsDontKnow);

            places.Distinct().Should().HaveCount(choices, $"the right answer of {question.Id} moves through all {choices} places");
            places.Count(p => p == question.Options.ToList().FindIndex(o => o.IsCorrect)).Should().BeLessThan(responses.Count / 2,
                $"most respondents do not see {question.Id}'s right answer where the author wrote it");
        }
    }
}
