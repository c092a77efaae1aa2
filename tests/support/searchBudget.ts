/** Queries a reader might type first, one of each kind the search handles. */
export const FIRST_QUERY_SAMPLES = [
  "防火墙",
  "如何配置防火墙",
  "ssh 密钥",
  "搜尋軟件包",
  "系统日志",
  "文件系统权限",
];
