-- One sample's ENUM code, an entry of a list.
enum_code({{sample}})
