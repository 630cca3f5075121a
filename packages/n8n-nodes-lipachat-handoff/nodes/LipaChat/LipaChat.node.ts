// The LipaChat node, the same class as the all-in-one package's: written once in nodes/LipaChat/.
export { LipaChat } from '../../../../nodes/LipaChat/LipaChat.node';
