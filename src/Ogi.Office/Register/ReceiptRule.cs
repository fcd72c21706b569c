namespace Ogi.Office.Register;

/// <summary>
/// 第三十一条 of the 2019 regulation: when an application counts as received. In person, the day it is handed in; by
/// post, the day the office signs for it (an ordinary letter needing no signature: the day receipt is confirmed with
/// the applicant); online or by fax, the day both sides confirm it.
/// </summary>
public static class ReceiptRule
{
    public static DateOnly ReceivedOn(string channel, DateOnly? submitted, DateOnly? signedFor, DateOnly? confirmed, DateOnly? received)
    {
        if (received is DateOnly given) return given;
        DateOnly? day = channel switch
        {
            "in_person" => submitted,
            "letter" => signedFor ?? confirmed,
            "online" or "fax" => confirmed,
            _ => confirmed ?? submitted,
        };
        return day ?? throw new RegisterException(channel switch
        {
            "in_person" => "an application made in person is received the day it is handed in (第三十一条): give --submitted",
            "letter" => "a letter is received the day the office signs for it (第三十一条): give --signed-for (or --confirmed for an ordinary letter)",
            "online" or "fax" => "an application online or by fax is received the day its receipt is confirmed (第三十一条): give --confirmed",
            _ => "give the day of receipt: --received, --confirmed or --submitted",
        });
    }
}
