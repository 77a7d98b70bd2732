using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BinhDanHocVuSo.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddPracticeRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PracticeRuns",
                columns: table => new
                {
                    LearnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CourseSlug = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PracticeId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PracticeVersion = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LessonCompleted = table.Column<bool>(type: "INTEGER", nullable: false),
                    Passed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Right = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    Misses = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PracticeRuns", x => new { x.LearnerId, x.RunId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_PracticeRuns_CourseSlug_PracticeId",
                table: "PracticeRuns",
                columns: new[] { "CourseSlug", "PracticeId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PracticeRuns");
        }
    }
}
