/**
 * Bad input found before any request is sent. It names the parameter (as the user sees it in
 * the editor) so that the per-item error can say which field to fix.
 */
export class InputError extends Error {
	constructor(
		readonly field: string,
		message: string,
		readonly hint?: string,
	) {
		super(message);
		this.name = 'InputError';
	}
}
