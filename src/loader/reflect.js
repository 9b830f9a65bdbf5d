/**
 * Defines on `proto` (the element's prototype) the properties that reflect
 * the element's attributes (`properties`: the manifest's, { name,
 * attribute, boolean }); those an HTMLElement has already (`lang`) are its own.
 */
export function reflect(proto, properties) {
  properties.forEach(function (property) {
    if (property.name in HTMLElement.prototype) return;
    var name = property.attribute;
    Object.defineProperty(proto, property.name, {
      configurable: true,
      enumerable: true,
      get: function () {
        return property.boolean ? this.hasAttribute(name) : this.getAttribute(name);
      },
      set: function (value) {
        if (property.boolean ? !value : value == null) this.removeAttribute(name);
        else this.setAttribute(name, property.boolean ? '' : String(value));
      },
    });
  });
}
