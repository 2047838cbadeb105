using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NerveSpasmGuide.Data.Feedback.Migrations
{
    /// <inheritdoc />
    public partial class SearchReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "search_reports",
                columns: table => new
                {
                    Query = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstSeen = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LastSeen = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_search_reports", x => x.Query);
                });

            migrationBuilder.CreateIndex(
                name: "IX_search_reports_LastSeen_Count",
                table: "search_reports",
                columns: new[] { "LastSeen", "Count" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "search_reports");
        }
    }
}
