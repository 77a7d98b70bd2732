using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BinhDanHocVuSo.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SurveyScores : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SurveyResponses_SurveyId_SurveyVersion_Commune",
                table: "SurveyResponses");

            migrationBuilder.AddColumn<bool>(
                name: "FailedAttentionCheck",
                table: "SurveyResponses",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<byte[]>(
                name: "ItemValues",
                table: "SurveyResponses",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ScoredWith",
                table: "SurveyResponses",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "Tally",
                table: "SurveyResponses",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "TooFast",
                table: "SurveyResponses",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_SurveyId_SurveyVersion_Commune_SubmittedAt",
                table: "SurveyResponses",
                columns: new[] { "SurveyId", "SurveyVersion", "Commune", "SubmittedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SurveyResponses_SurveyId_SurveyVersion_Commune_SubmittedAt",
                table: "SurveyResponses");

            migrationBuilder.DropColumn(
                name: "FailedAttentionCheck",
                table: "SurveyResponses");

            migrationBuilder.DropColumn(
                name: "ItemValues",
                table: "SurveyResponses");

            migrationBuilder.DropColumn(
                name: "ScoredWith",
                table: "SurveyResponses");

            migrationBuilder.DropColumn(
                name: "Tally",
                table: "SurveyResponses");

            migrationBuilder.DropColumn(
                name: "TooFast",
                table: "SurveyResponses");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_SurveyId_SurveyVersion_Commune",
                table: "SurveyResponses",
                columns: new[] { "SurveyId", "SurveyVersion", "Commune" });
        }
    }
}
