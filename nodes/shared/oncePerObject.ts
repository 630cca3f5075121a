/**
 * A function of an object, computed once per object. A parameter without expressions is read
 * once per execution and hands every item the same object (itemParameter.ts), so what is built
 * from it (a contact card's request body) is built once too; it goes when the object goes.
 */
export function oncePerObject<K extends object, V>(build: (key: K) => V): (key: K) => V {
	const built = new WeakMap<K, V>();
	return (key) => {
		let value = built.get(key);
		if (value === undefined) {
			value = build(key);
			built.set(key, value);
		}
		return value;
	};
}
