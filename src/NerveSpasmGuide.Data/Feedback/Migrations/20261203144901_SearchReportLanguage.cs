using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NerveSpasmGuide.Data.Feedback.Migrations
{
    /// <inheritdoc />
    public partial class SearchReportLanguage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_search_reports",
                table: "search_reports");

            // The rows so far all came from the English search (/search); Spanish searches were not counted before.
            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "search_reports",
                type: "TEXT",
                maxLength: 8,
                nullable: false,
                defaultValue: "en");

            migrationBuilder.AddPrimaryKey(
                name: "PK_search_reports",
                table: "search_reports",
                columns: new[] { "Language", "Query" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_search_reports",
                table: "search_reports");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "search_reports");

            migrationBuilder.AddPrimaryKey(
                name: "PK_search_reports",
                table: "search_reports",
                column: "Query");
        }
    }
}
