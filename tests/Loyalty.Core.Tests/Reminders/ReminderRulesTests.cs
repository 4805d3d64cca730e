using Loyalty.Core.Programs;
using Loyalty.Core.Reminders;

namespace Loyalty.Core.Tests.Reminders;

public sealed class ReminderRulesTests
{
    private static IReadOnlyList<string> Fields(ReminderRules reminders) =>
        [.. ProgramValidator.Validate(new ProgramRules { Reminders = reminders }).Select(e => $"{e.Field}:{e.Rule}")];

    [Fact]
    public void Default_block_is_valid_off_and_quiet_from_nine_in_the_evening_to_nine_in_the_morning()
    {
        var defaults = new ProgramRules().Reminders;

        Assert.Empty(Fields(new ReminderRules()));
        Assert.False(defaults.Enabled);
        Assert.Equal([30, 7], defaults.OffsetsDays);
        Assert.Equal(("21:00", "09:00"), (defaults.QuietHours.Start, defaults.QuietHours.End));
    }

    [Fact]
    public void Each_bad_value_is_named_at_its_json_path()
    {
        var fields = Fields(new ReminderRules
        {
            OffsetsDays = [30, 0, 30],
            SendTime = "25:00",
            QuietHours = new QuietHours { Start = "9pm", End = "09:00" },
            SenderId = "a sender id that is too long",
            Templates = new Dictionary<string, string>
            {
                ["zh-CN"] = "您有{points}积分将于{date}到期，余额{balance}",
                ["en"] = "Your points expire soon",
                ["fr"] = "{points} {date}",
            },
        });

        Assert.Equal(
            [
                "reminders.offsetsDays[1]:range", "reminders.offsetsDays:unique", "reminders.sendTime:time", "reminders.quietHours.start:time",
                "reminders.senderId:sender-id", "reminders.templates.zh-CN:placeholder", "reminders.templates.en:placeholder-required",
                "reminders.templates.fr:language",
            ],
            fields);
    }

    [Fact]
    public void Offsets_count_bound_and_a_missing_default_template_are_refused()
    {
        var fields = Fields(new ReminderRules
        {
            OffsetsDays = [1, 2, 3, 4, 5, 6],
            Templates = new Dictionary<string, string> { ["en"] = "{points} points expire after {date}." },
        });

        Assert.Equal(["reminders.offsetsDays:count", "reminders.templates:required"], fields);
        Assert.Equal(5, ProgramBounds.ReminderOffsets.Maximum);
    }

    [Fact]
    public void A_send_time_inside_the_quiet_hours_is_refused()
    {
        Assert.Equal(["reminders.sendTime:outside-quiet-hours"], Fields(new ReminderRules { SendTime = "22:30" }));
        Assert.Equal(["reminders.sendTime:outside-quiet-hours"], Fields(new ReminderRules { SendTime = "08:59" }));
        Assert.Empty(Fields(new ReminderRules { SendTime = "09:00" }));
    }

    [Theory]
    [InlineData("LOYALTY", true)]
    [InlineData("Shop 88", true)]
    [InlineData("+8610690000", true)]
    [InlineData("12345", false)]
    [InlineData("ABCDEFGHIJKL", false)]
    [InlineData("店铺", false)]
    public void A_sender_id_is_an_e164_number_or_a_short_alphanumeric_id(string senderId, bool valid) =>
        Assert.Equal(valid, Fields(new ReminderRules { SenderId = senderId }).Count == 0);

    [Theory]
    [InlineData("20:59", false)]
    [InlineData("21:00", true)]
    [InlineData("23:59", true)]
    [InlineData("00:00", true)]
    [InlineData("08:59", true)]
    [InlineData("09:00", false)]
    public void Quiet_hours_that_span_midnight_include_their_start_and_exclude_their_end(string time, bool quiet) =>
        Assert.Equal(quiet, new QuietHours().Contains(TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Quiet_hours_within_one_day_and_empty_quiet_hours()
    {
        var lunch = new QuietHours { Start = "12:00", End = "14:00" };

        Assert.True(lunch.Contains(new TimeOnly(13, 0)));
        Assert.False(lunch.Contains(new TimeOnly(14, 0)));
        Assert.False(new QuietHours { Start = "00:00", End = "00:00" }.Contains(new TimeOnly(3, 0)));
    }

    [Fact]
    public void A_template_renders_the_amount_the_date_and_the_name_in_the_members_language()
    {
        var rules = new ReminderRules();
        var day = new DateOnly(2026, 12, 31);

        var chinese = ReminderTemplate.Render(rules.TemplateFor("zh-CN"), "zh-CN", 1200, day, "王芳", "积分乐园");
        var english = ReminderTemplate.Render(rules.TemplateFor("en"), "en", 1200, day, null, "Points Club");

        Assert.Equal("【积分乐园】王芳您好，您有1200积分将于2026年12月31日到期清零，请尽快使用。回复TD退订", chinese);
        Assert.Equal("Points Club: Hi member, 1200 of your points expire after December 31, 2026. Use them before then. Reply STOP to opt out.", english);
    }

    [Fact]
    public void A_language_without_a_template_gets_the_default_languages_text()
    {
        var rules = new ReminderRules { Templates = new Dictionary<string, string> { ["zh-CN"] = "{points}积分{date}到期" } };

        Assert.Equal("{points}积分{date}到期", rules.TemplateFor("en"));
    }
}
