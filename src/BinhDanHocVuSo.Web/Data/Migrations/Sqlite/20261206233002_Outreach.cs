using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BinhDanHocVuSo.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Outreach : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AssistedMarks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LearnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CourseSlug = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ItemSlug = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    VisitId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssistedMarks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AssistedPeople",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Commune = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    VillageId = table.Column<string>(type: "TEXT", maxLength: 185, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    HouseholdPhone = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BirthYear = table.Column<int>(type: "INTEGER", nullable: true),
                    ConsentAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RegisteredBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegisteredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AdoptedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssistedPeople", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_AssistedPeople_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AssistedPeople_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Posters",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Commune = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    CourseSlug = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LessonSlug = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Place = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Posters", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Visits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VillageId = table.Column<string>(type: "TEXT", maxLength: 185, nullable: false),
                    Commune = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VisitedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Visits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Visits_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PosterScans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PosterCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PosterScans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PosterScans_Posters_PosterCode",
                        column: x => x.PosterCode,
                        principalTable: "Posters",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VisitPeople",
                columns: table => new
                {
                    VisitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitPeople", x => new { x.VisitId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_VisitPeople_AssistedPeople_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AssistedPeople",
                        principalColumn: "UserId",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_VisitPeople_Visits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "Visits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssistedMarks_LearnerId",
                table: "AssistedMarks",
                column: "LearnerId");

            migrationBuilder.CreateIndex(
                name: "IX_AssistedMarks_TeamId",
                table: "AssistedMarks",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_AssistedPeople_Commune",
                table: "AssistedPeople",
                column: "Commune");

            migrationBuilder.CreateIndex(
                name: "IX_AssistedPeople_Phone",
                table: "AssistedPeople",
                column: "Phone");

            migrationBuilder.CreateIndex(
                name: "IX_AssistedPeople_TeamId",
                table: "AssistedPeople",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_Posters_Commune",
                table: "Posters",
                column: "Commune");

            migrationBuilder.CreateIndex(
                name: "IX_PosterScans_PosterCode_At",
                table: "PosterScans",
                columns: new[] { "PosterCode", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_VisitPeople_PersonId",
                table: "VisitPeople",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Visits_Commune",
                table: "Visits",
                column: "Commune");

            migrationBuilder.CreateIndex(
                name: "IX_Visits_TeamId",
                table: "Visits",
                column: "TeamId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssistedMarks");

            migrationBuilder.DropTable(
                name: "PosterScans");

            migrationBuilder.DropTable(
                name: "VisitPeople");

            migrationBuilder.DropTable(
                name: "Posters");

            migrationBuilder.DropTable(
                name: "AssistedPeople");

            migrationBuilder.DropTable(
                name: "Visits");
        }
    }
}
