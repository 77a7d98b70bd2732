using System.Buffers.Binary;

namespace BinhDanHocVuSo.Web.Features.Survey;

/// <summary>
/// The order in which one response shows a knowledge question's options. Authors tend to put the right answer in the
/// same place (and to make it the longest); shuffled per response, "it is the second one" cannot be learned or passed
/// on, while the official sees the same order on every reload and device. Answers are posted and stored as option ids,
/// so scoring never sees the order. "Tôi không biết" stays last, where people look for it.
/// </summary>
/// <remarks>
/// Each option is ranked by HMAC-SHA256 keyed with the response id over "question id / option id": a random id made by the
/// server when the survey starts that never leaves it, so the order can be neither chosen nor foreseen by the respondent.
/// Sorting by keyed hashes is a uniformly random order for each response, different from question to question.
/// </remarks>
public static class OptionOrder
{
    public static IReadOnlyList<KnowledgeOption> Of(Guid responseId, KnowledgeItem question)
    {
        var key = responseId.ToByteArray();
        return
        [
            .. question.Options.Where(o => !o.IsDontKnow)
                .OrderBy(o => Rank(key, question.Id, o.Id))
                .ThenBy(o => o.Id, StringComparer.Ordinal),
            .. question.Options.Where(o => o.IsDontKnow),
        ];
    }

    static ulong Rank(byte[] key, string questionId, string optionId)
    {
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{questionId}/{optionId}"), hash);
        return BinaryPrimitives.ReadUInt64BigEndian(hash);
    }
}
