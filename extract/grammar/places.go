package grammar

// PlaceEnds are the characters that end the name of an administrative
// area (某某省, 某某市, 某某县, 某某旗 …).
const PlaceEnds = "省市县区州盟旗镇乡"
