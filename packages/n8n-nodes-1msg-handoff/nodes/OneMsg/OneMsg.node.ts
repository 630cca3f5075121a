// The 1MSG node, the same class as the all-in-one package's: written once in nodes/OneMsg/.
export { OneMsg } from '../../../../nodes/OneMsg/OneMsg.node';
