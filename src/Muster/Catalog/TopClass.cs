namespace Muster.Catalog;

/// <summary>The first digit of an item code (GB/T 38565-2020).</summary>
public enum TopClass
{
    /// <summary>1 基本生活保障物资: tents, quilts, food, water.</summary>
    BasicLiving = 1,

    /// <summary>2 应急装备及配套物资: rescue, protective and communication equipment.</summary>
    EmergencyEquipment = 2,

    /// <summary>3 工程材料与机械加工设备: sandbags, timber, pumps, machinery.</summary>
    EngineeringMaterials = 3,
}
