using System.Xml.Linq;
using Muster.Api.Interop.Edxl;

namespace Muster.Api.Tests.Support;

/// <summary>EDXL-RM 1.0 messages as a partner's system sends them.</summary>
public static class EdxlMessages
{
    private static readonly XNamespace Ns = EdxlReader.Namespace;

    /// <summary>A RequestResource message: one ResourceInformation per (element id, item code, quantity), delivered near Huozhou.</summary>
    public static string RequestResource(string messageId, params (string Element, string Code, int Quantity)[] lines) => new XElement(Ns + "RequestResource",
        new XElement(Ns + "MessageID", messageId),
        new XElement(Ns + "SentDateTime", "2026-11-30T08:00:00+08:00"),
        new XElement(Ns + "MessageContentType", "RequestResource"),
        new XElement(Ns + "MessageDescription", "汾河 防汛 物资请求"),
        lines.Select(l => new XElement(Ns + "ResourceInformation",
            new XElement(Ns + "ResourceInfoElementID", l.Element),
            new XElement(Ns + "Resource", new XElement(Ns + "TypeStructure", new XElement(Ns + "Value", l.Code), new XElement(Ns + "ValueListURN", EdxlEndpoint.ItemList))),
            new XElement(Ns + "AssignmentInformation", new XElement(Ns + "Quantity", new XElement(Ns + "MeasuredQuantity", new XElement(Ns + "Amount", l.Quantity)))),
            new XElement(Ns + "ScheduleInformation",
                new XElement(Ns + "ScheduleType", "RequestedArrival"),
                new XElement(Ns + "Location", new XElement(Ns + "TargetArea", new XElement(Ns + "Point", new XElement(Ns + "pos", "36.56 111.70")))))))).ToString();

    /// <summary>An OfferUnsolicitedResource: an agency offers a quantity of an item, with its lot and expiry, lying near Huozhou.</summary>
    public static string OfferUnsolicitedResource(string messageId, string itemCode, int quantity, string? lot = "DON-1", string? expiresOn = "2030-06-30T00:00:00+08:00") =>
        new XElement(Ns + "OfferUnsolicitedResource",
            new XElement(Ns + "MessageID", messageId),
            new XElement(Ns + "SentDateTime", "2026-11-30T08:00:00+08:00"),
            new XElement(Ns + "MessageContentType", "OfferUnsolicitedResource"),
            new XElement(Ns + "ContactInformation", new XElement(Ns + "ContactDescription", "霍州市红十字会 值班室 0357-5555555"), new XElement(Ns + "ContactRole", "Sender")),
            new XElement(Ns + "ResourceInformation",
                new XElement(Ns + "ResourceInfoElementID", "1"),
                new XElement(Ns + "Resource",
                    lot is null ? null : new XElement(Ns + "ResourceID", lot),
                    new XElement(Ns + "Name", "捐赠 雨衣"),
                    new XElement(Ns + "TypeStructure", new XElement(Ns + "Value", itemCode), new XElement(Ns + "ValueListURN", EdxlEndpoint.ItemList)),
                    new XElement(Ns + "Description", "企业捐赠，整箱未拆")),
                new XElement(Ns + "AssignmentInformation", new XElement(Ns + "Quantity", new XElement(Ns + "MeasuredQuantity", new XElement(Ns + "Amount", quantity)))),
                new XElement(Ns + "ScheduleInformation",
                    new XElement(Ns + "ScheduleType", "BeginAvailable"),
                    new XElement(Ns + "DateTime", "2026-11-30T09:00:00+08:00"),
                    new XElement(Ns + "Location",
                        new XElement(Ns + "LocationDescription", "红十字会 仓库 东门"),
                        new XElement(Ns + "TargetArea", new XElement(Ns + "Point", new XElement(Ns + "pos", "36.57 111.72"))))),
                expiresOn is null ? null : new XElement(Ns + "ScheduleInformation",
                    new XElement(Ns + "ScheduleType", "EndAvailable"),
                    new XElement(Ns + "DateTime", expiresOn)))).ToString();
}
