<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnalyticsPanel</name>
    <message>
        <location filename="../../ui/analytics/analyticspanel.cpp" line="+26"/>
        <source>Topics</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trends &amp;&amp; opinion</source>
        <translation>趋势与观点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stored analyses</source>
        <translation>已保存的分析</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>Cannot open analysis %1 (%2)</source>
        <translation>无法打开分析 %1（%2）</translation>
    </message>
</context>
<context>
    <name>AnalyticsPlotStyle</name>
    <message>
        <location filename="../../ui/analytics/analyticsplotstyle.cpp" line="+26"/>
        <source>hour (UTC)</source>
        <translation>小时（UTC）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>day (UTC)</source>
        <translation>天（UTC）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>week (UTC, from Monday)</source>
        <translation>周（UTC，自周一起）</translation>
    </message>
</context>
<context>
    <name>AppLanguage</name>
    <message>
        <location filename="../../ui/common/applanguage.cpp" line="+127"/>
        <source>&amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
</context>
<context>
    <name>AppTheme</name>
    <message>
        <location filename="../../ui/common/apptheme.cpp" line="+102"/>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
</context>
<context>
    <name>ArchitectureView</name>
    <message>
        <location filename="../../ui/models/architectureview.cpp" line="+51"/>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Output shape</source>
        <translation>输出形状</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Trainable</source>
        <translation>可训练</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The layers appear here once a model family is chosen.</source>
        <translation>选择模型族后，这里会显示各层。</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Building the model…</source>
        <translation>正在构建模型…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading the data&apos;s sizes and building the model…</source>
        <translation>正在读取数据规模并构建模型…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot describe this model: %1</source>
        <translation>无法描述此模型：%1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Output shape of its last layer with parameters, %1</source>
        <translation>其最后一个带参数层的输出形状，%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No parameters: its output is not traced</source>
        <translation>无参数：不追踪其输出</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+13"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>&lt;b&gt;%1&lt;/b&gt; parameters, %2 trainable.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 个参数，其中 %2 个可训练。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shapes from a dry run on a dummy batch of %1 (%2).</source>
        <translation>形状来自在 %1 个样本的虚拟批次上的试运行（%2）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Parameter tables: this family has no layers to run.</source>
        <translation>参数表：此模型族没有可运行的层。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sized for: %1</source>
        <translation>规模依据：%1</translation>
    </message>
</context>
<context>
    <name>AttentionExplorer</name>
    <message>
        <location filename="../../ui/attention/attentionexplorer.cpp" line="+46"/>
        <source>Predicted class probabilities</source>
        <translation>预测类别概率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Modality weights</source>
        <translation>模态权重</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Attention per video frame</source>
        <translation>各视频帧的注意力</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+168"/>
        <source>Probe post</source>
        <translation>探针帖子</translation>
    </message>
    <message>
        <location line="-165"/>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Run %1</source>
        <translation>运行 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run %1: %2</source>
        <translation>运行 %1：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run %1 (%2)</source>
        <translation>运行 %1（%2）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No run of this project has recorded attention yet: train a model that attends (an RNN with attention, a transformer, a multimodal fusion model).</source>
        <translation>本项目尚无记录了注意力的运行：请训练一个带注意力的模型（带注意力的 RNN、Transformer 或多模态融合模型）。</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Skipped snapshots: %1</source>
        <translation>已跳过的快照：%1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Test post</source>
        <translation>测试帖子</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+38"/>
        <source>#%1 [%2] %3</source>
        <translation>#%1 [%2] %3</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Post %1 is not one of the probe posts whose attention run %2 recorded: its attention under the run&apos;s final model is computed for it.</source>
        <translation>帖子 %1 不是运行 %2 记录注意力的探针帖子之一：将用该运行的最终模型为它计算注意力。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Post %1 is not one of the probe posts whose attention run %2 recorded; showing its text and test prediction.</source>
        <translation>帖子 %1 不在运行 %2 记录注意力的探针帖子之中；仅显示其文本和测试预测。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run %1 recorded no attention; showing post %2 and its test prediction.</source>
        <translation>运行 %1 未记录注意力；显示帖子 %2 及其测试预测。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>no snapshots</source>
        <translation>无快照</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>epoch %1 (%2 of %3), step %4</source>
        <translation>第 %1 轮（第 %2 个，共 %3 个），第 %4 步</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Post %1 was not probed at epoch %2.</source>
        <translation>帖子 %1 在第 %2 轮未被探测。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>computing the final model&apos;s attention…</source>
        <translation>正在计算最终模型的注意力…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>final model (not a recorded epoch: computed for this post)</source>
        <translation>最终模型（不是记录的轮次：为此帖子即时计算）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no attention for this post: %1</source>
        <translation>此帖子没有注意力：%1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1
select it to draw its co-attention over the picture</source>
        <translation>%1
选中以在图片上绘制其协同注意力</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&lt;b&gt;Post %1&lt;/b&gt;: %2</source>
        <translation>&lt;b&gt;帖子 %1&lt;/b&gt;：%2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Video %1 (%2 s)</source>
        <translation>视频 %1（%2 秒）</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Predicted &lt;b&gt;%1&lt;/b&gt; (%2%)</source>
        <translation>预测为 &lt;b&gt;%1&lt;/b&gt;（%2%）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>True class &lt;b&gt;%1&lt;/b&gt;, predicted &lt;b&gt;%2&lt;/b&gt; (%3%)%4</source>
        <translation>真实类别 &lt;b&gt;%1&lt;/b&gt;，预测 &lt;b&gt;%2&lt;/b&gt;（%3%）%4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> - &lt;font color=&apos;#c81e2d&apos;&gt;wrong&lt;/font&gt;</source>
        <translation> - &lt;font color=&apos;#c81e2d&apos;&gt;错误&lt;/font&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>True value &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>真实值 &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Test set: true class &lt;b&gt;%1&lt;/b&gt;, predicted &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>测试集：真实类别 &lt;b&gt;%1&lt;/b&gt;，预测 &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Click tokens to see where they look in the picture.</source>
        <translation>点击词元，查看它们关注图片的哪些位置。</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n token(s) selected: their co-attention is drawn over the picture.</source>
        <translation>
            <numerusform>已选 %n 个词元：其协同注意力已绘制在图片上。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Click tokens to add up their attributions.</source>
        <translation>点击词元以累加其归因值。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click tokens to add up their attention.</source>
        <translation>点击词元可累加其注意力。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n token(s) selected: total attribution %1</source>
        <translation>
            <numerusform>已选 %n 个词元：归因合计 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n token(s) selected: total attention %1</source>
        <translation>
            <numerusform>已选 %n 个词元：注意力合计 %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AttentionHeatmap</name>
    <message>
        <location filename="../../ui/attention/attentionheatmap.cpp" line="+21"/>
        <source>attended token (key)</source>
        <translation>被关注的词元（键）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>attending token (query)</source>
        <translation>发出关注的词元（查询）</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>query \ key</source>
        <translation>查询 \ 键</translation>
    </message>
</context>
<context>
    <name>AttentionSnapshot</name>
    <message>
        <location filename="../../ui/attention/attentionsnapshot.cpp" line="+74"/>
        <source>Post %1: the per-head attention does not match its %2 tokens.</source>
        <translation>帖子 %1：各注意力头的数据与其 %2 个词元不匹配。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The attention snapshot is not a JSON object.</source>
        <translation>注意力快照不是 JSON 对象。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Post %1 has %2 tokens but %3 weights.</source>
        <translation>帖子 %1 有 %2 个词元，却有 %3 个权重。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Post %1 of the thread of post %2 has %3 tokens but %4 weights.</source>
        <translation>帖子 %2 的回复串中的帖子 %1 有 %3 个词元，却有 %4 个权重。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The attention snapshot is malformed: %1</source>
        <translation>注意力快照格式有误：%1</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <location filename="../../ui/attention/barchart.cpp" line="+81"/>
        <source>label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>value</source>
        <translation>值</translation>
    </message>
</context>
<context>
    <name>ClassTokenView</name>
    <message>
        <location filename="../../ui/attention/classtokenview.cpp" line="+14"/>
        <source>Predicted class</source>
        <translation>预测类别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Token</source>
        <translation>词元</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mean attention</source>
        <translation>平均注意力</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Occurrences</source>
        <translation>出现次数</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Tokens attended to most per predicted class</source>
        <translation>各预测类别最受关注的词元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tokens attended to most per predicted class: this run recorded no token attention (models without attention over tokens, such as image and concatenation-fusion models, have no class view; colour the tokens by gradient × input or integrated gradients to see what drove a text prediction)</source>
        <translation>各预测类别中注意力最高的词元：此运行没有记录词元注意力（没有词元注意力的模型，例如图像模型和拼接融合模型，没有类别视图；可按梯度 × 输入或积分梯度为词元着色，查看是什么驱动了文本预测）</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Tokens with the highest mean attention per predicted class, over the %n probe post(s) of epoch %1</source>
        <translation>
            <numerusform>各预测类别平均注意力最高的词元（第 %1 轮的 %n 个探针帖子）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%1 (%n post(s))</source>
        <translation>
            <numerusform>%1（%n 个帖子）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CrossAttentionMap</name>
    <message>
        <location filename="../../ui/sequences/crossattentionmap.cpp" line="+38"/>
        <source>source token</source>
        <translation>源词元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>decoded token</source>
        <translation>解码词元</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>attention weight</source>
        <translation>注意力权重</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>decoded \ source</source>
        <translation>解码 \ 源</translation>
    </message>
</context>
<context>
    <name>CurvePlot</name>
    <message>
        <location filename="../../ui/training/curveplot.cpp" line="+53"/>
        <source>Reset zoom</source>
        <translation>重置缩放</translation>
    </message>
</context>
<context>
    <name>EmbeddingProjector</name>
    <message>
        <location filename="../../ui/embeddings/embeddingprojector.cpp" line="+56"/>
        <source>Load</source>
        <translation>加载</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load TSV...</source>
        <translation>加载 TSV...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project</source>
        <translation>投影</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export image...</source>
        <translation>导出图像...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export CSV...</source>
        <translation>导出 CSV...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>word2vec runs give their word vectors; other runs their token embeddings</source>
        <translation>word2vec 运行提供词向量；其他运行提供词元嵌入</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Search labels</source>
        <translation>搜索标签</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Vectors</source>
        <translation>向量</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Projection</source>
        <translation>投影</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Colour by</source>
        <translation>着色依据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Nearest in the original space (cosine)</source>
        <translation>原始空间中的最近邻（余弦）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Neighbours</source>
        <translation>近邻</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>PNG images (*.png);;SVG images (*.svg);;PDF files (*.pdf)</source>
        <translation>PNG 图像 (*.png);;SVG 图像 (*.svg);;PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Projection failed: %1</source>
        <translation>投影失败：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Projection cancelled</source>
        <translation>投影已取消</translation>
    </message>
    <message>
        <location line="+102"/>
        <location line="+39"/>
        <location line="+15"/>
        <source>No project is open</source>
        <translation>未打开项目</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>posts of &apos;%1&apos;</source>
        <translation>“%1”的帖子</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>users of &apos;%1&apos;</source>
        <translation>“%1”的用户</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>run %1 (%2)</source>
        <translation>运行 %1（%2）</translation>
    </message>
    <message>
        <location line="-200"/>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location line="+146"/>
        <source>Final</source>
        <translation>最终</translation>
    </message>
    <message>
        <location line="+143"/>
        <source>posts as %1 sees them</source>
        <translation>%1 眼中的帖子</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cannot create a temporary folder: %1</source>
        <translation>无法创建临时文件夹：%1</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Exporting the token embeddings of %1...</source>
        <translation>正在导出 %1 的词元嵌入...</translation>
    </message>
    <message>
        <location line="-285"/>
        <source>The vectors as they were at the end of an epoch, recorded while the run trained: the 2,000 most frequent tokens, the first 2,000 validation posts, or the 2,000 most active users and most popular items (per ALS iteration)</source>
        <translation>运行训练时记录的、每轮结束时的向量：最常见的 2,000 个词元、前 2,000 个验证帖子，或最活跃的 2,000 个用户与最热门的 2,000 个物品（按 ALS 迭代）</translation>
    </message>
    <message>
        <location line="+296"/>
        <source>Running the model of %1 over its posts...</source>
        <translation>正在用 %1 的模型处理其帖子...</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Cannot start %1: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>exit code %1</source>
        <translation>退出码 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exporting the embeddings failed: %1</source>
        <translation>导出嵌入失败：%1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Projector vectors</source>
        <translation>投影器向量</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tab-separated vectors (*.tsv *.txt)</source>
        <translation>制表符分隔的向量 (*.tsv *.txt)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Projector metadata (cancel for row numbers)</source>
        <translation>投影器元数据（取消则使用行号）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tab-separated metadata (*.tsv *.txt)</source>
        <translation>制表符分隔的元数据 (*.tsv *.txt)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Loading %1...</source>
        <translation>正在加载 %1...</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cannot load %1: %2</source>
        <translation>无法加载 %1：%2</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>%1: %2 points in %3 dimensions</source>
        <translation>%1：%2 个点，%3 维</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Computing PCA of %1 points...</source>
        <translation>正在计算 %1 个点的 PCA...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Computing t-SNE of %1 points...</source>
        <translation>正在计算 %1 个点的 t-SNE...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Computing UMAP of %1 points...</source>
        <translation>正在计算 %1 个点的 UMAP...</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1: %v of %m</source>
        <translation>%1：%v / %m</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Frequency rank</source>
        <translation>频率排名</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Metadata: %1</source>
        <translation>元数据：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>%n matching point(s)</source>
        <translation>
            <numerusform>%n 个匹配的点</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1   %2</source>
        <translation>%1   %2</translation>
    </message>
    <message>
        <location line="-514"/>
        <source>Export image</source>
        <translation>导出图像</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export coordinates</source>
        <translation>导出坐标</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>EvaluationView</name>
    <message>
        <location filename="../../ui/runs/evaluationview.cpp" line="+53"/>
        <source>predicted class</source>
        <translation>预测类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>true class</source>
        <translation>真实类别</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Support</source>
        <translation>样本数</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Post</source>
        <translation>帖子</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>True</source>
        <translation>真实</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Predicted</source>
        <translation>预测</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Double-click a post to see what the model attended to</source>
        <translation>双击帖子可查看模型关注了什么</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Misclassified test posts (double-click to open in the attention explorer)</source>
        <translation>分类错误的测试帖子（双击在注意力浏览器中打开）</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Select a run to see its test evaluation.</source>
        <translation>选择一个运行以查看其测试评估。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Run %1 has no test evaluation yet: it is recorded when training ends.</source>
        <translation>运行 %1 尚无测试评估：评估在训练结束时记录。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The test evaluation of run %1 cannot be read.</source>
        <translation>无法读取运行 %1 的测试评估。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The test evaluation of run %1 cannot be read: %2</source>
        <translation>无法读取运行 %1 的测试评估：%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Run %1 is a regression: it has no confusion matrix.</source>
        <translation>运行 %1 是回归任务：没有混淆矩阵。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Run %1, task %2: %3 test posts, accuracy %4</source>
        <translation>运行 %1，任务 %2：%3 个测试帖子，准确率 %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>, macro-F1 %1</source>
        <translation>，宏 F1 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, micro-F1 %1</source>
        <translation>，微 F1 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, ROC-AUC %1</source>
        <translation>，ROC-AUC %1</translation>
    </message>
    <message>
        <location line="+137"/>
        <source>true \ predicted</source>
        <translation>真实 \ 预测</translation>
    </message>
</context>
<context>
    <name>ForecastChart</name>
    <message>
        <location filename="../../ui/analytics/forecastchart.cpp" line="+32"/>
        <source>lower bound</source>
        <translation>下界</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>95% interval</source>
        <translation>95% 区间</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>history</source>
        <translation>历史</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>forecast</source>
        <translation>预测</translation>
    </message>
</context>
<context>
    <name>ImageExplanation</name>
    <message>
        <location filename="../../ui/attention/imageexplanation.cpp" line="+27"/>
        <source>The worker&apos;s answer is not JSON.</source>
        <translation>工作进程的回复不是 JSON。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The worker sent a Grad-CAM map without values (an older chorus-cli?).</source>
        <translation>工作进程发送的 Grad-CAM 图没有数值（chorus-cli 版本较旧？）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The Grad-CAM map&apos;s size does not match its values.</source>
        <translation>Grad-CAM 图的尺寸与其数值不符。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The co-attention rows do not match the grid of image regions.</source>
        <translation>协同注意力的行与图像区域网格不符。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The co-attention rows do not match the post&apos;s tokens.</source>
        <translation>协同注意力的行与帖子的词元不符。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The worker&apos;s explanation is malformed: %1</source>
        <translation>工作进程的解释格式有误：%1</translation>
    </message>
</context>
<context>
    <name>ImageExplanationPane</name>
    <message>
        <location filename="../../ui/attention/imageexplanationpane.cpp" line="+51"/>
        <source>Grad-CAM</source>
        <translation>Grad-CAM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Co-attention of selected tokens</source>
        <translation>所选词元的协同注意力</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grad-CAM: the regions that raise the predicted class&apos;s score. Co-attention: where the selected tokens look in the picture (fusion runs with co-attention).</source>
        <translation>Grad-CAM：提高预测类别得分的区域。协同注意力：所选词元在图片中关注的位置（使用协同注意力的融合运行）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How strongly the map covers the picture: 0 % shows the picture alone.</source>
        <translation>热图覆盖图片的程度：0 % 只显示图片本身。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Explaining the picture of post %1 with run %2 in the background...</source>
        <translation>正在后台用运行 %2 解释帖子 %1 的图片……</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Post %1 has no picture, so there is nothing to explain in an image.</source>
        <translation>帖子 %1 没有图片，因此没有可解释的图像。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The picture of post %1 cannot be read: %2</source>
        <translation>无法读取帖子 %1 的图片：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The picture of post %1 stored in the project cannot be read.</source>
        <translation>无法读取项目中保存的帖子 %1 的图片。</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>The worker could not explain post %1: %2</source>
        <translation>工作进程无法解释帖子 %1：%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The model of run %1 gives no Grad-CAM map for this picture.</source>
        <translation>运行 %1 的模型没有为这张图片给出 Grad-CAM 图。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The worker could not read the picture: %1</source>
        <translation>工作进程无法读取图片：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Grad-CAM: the regions that raise the model&apos;s output most are red.</source>
        <translation>Grad-CAM：最能提高模型输出的区域显示为红色。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grad-CAM for the predicted class &lt;b&gt;%1&lt;/b&gt;: the regions that raise its score most are red.</source>
        <translation>预测类别 &lt;b&gt;%1&lt;/b&gt; 的 Grad-CAM：最能提高其得分的区域显示为红色。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose co-attention to see where selected tokens look.</source>
        <translation>选择协同注意力，查看所选词元关注的位置。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Run %1 has no co-attention between tokens and image regions (fusion runs with fusion &quot;coattention&quot; have it).</source>
        <translation>运行 %1 没有词元与图像区域之间的协同注意力（fusion 为 &quot;coattention&quot; 的融合运行才有）。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No token selected: click tokens above to draw their co-attention over the picture.</source>
        <translation>未选择词元：点击上方的词元，在图片上绘制其协同注意力。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The selected tokens attend to no image region.</source>
        <translation>所选词元没有关注任何图像区域。</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Co-attention of %n selected token(s) over the %1 x %2 image regions (red: the region they attend to most).</source>
        <translation>
            <numerusform>%n 个所选词元在 %1 x %2 个图像区域上的协同注意力（红色：它们最关注的区域）。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>ImportFilesPage</name>
    <message>
        <location filename="../../ui/import/importfilespage.cpp" line="+28"/>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the files to import (several files of one format go into one dataset) and name the dataset. An existing dataset keeps its posts; posts already in it are skipped.</source>
        <translation>选择要导入的文件（同一格式的多个文件导入同一个数据集）并为数据集命名。已有数据集保留其帖子；其中已有的帖子会被跳过。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dataset name</source>
        <translation>数据集名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add &amp;files...</source>
        <translation>添加文件(&amp;F)...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add f&amp;older...</source>
        <translation>添加文件夹(&amp;O)...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A folder of images (one sub-folder per label)</source>
        <translation>图像文件夹（每个标签一个子文件夹）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Dataset:</source>
        <translation>数据集(&amp;D)：</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Import files</source>
        <translation>导入文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data files (*.csv *.tsv *.tab *.jsonl *.ndjson *.json *.zst *.mp4 *.avi *.mov *.mkv *.webm);;All files (*)</source>
        <translation>数据文件 (*.csv *.tsv *.tab *.jsonl *.ndjson *.json *.zst *.mp4 *.avi *.mov *.mkv *.webm);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import a folder</source>
        <translation>导入文件夹</translation>
    </message>
</context>
<context>
    <name>ImportMappingPage</name>
    <message>
        <location filename="../../ui/import/importmappingpage.cpp" line="+32"/>
        <source>Format and mapping</source>
        <translation>格式与映射</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the format and the first rows, and say which column holds which post field.</source>
        <translation>检查格式和前几行，并指定各列对应的帖子字段。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Imported as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>First value</source>
        <translation>首个值</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Detected:</source>
        <translation>检测结果：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>unknown: choose the format</source>
        <translation>未知：请选择格式</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>label: %1</source>
        <translation>标签：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>image path</source>
        <translation>图像路径</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>video path</source>
        <translation>视频路径</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>extra (kept verbatim)</source>
        <translation>附加字段（原样保留）</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Choose a format.</source>
        <translation>请选择格式。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No columns found.</source>
        <translation>未找到任何列。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Two columns are mapped to &apos;%1&apos;: keep one.</source>
        <translation>有两列映射到了“%1”：请只保留一列。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Map a column to &apos;text&apos; (or to an image or video path): a post needs content.</source>
        <translation>请将某一列映射为“text”（或图像、视频路径）：帖子需要有内容。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The %1 format has a fixed layout: no mapping to choose.</source>
        <translation>%1 格式的布局固定：无需选择映射。</translation>
    </message>
</context>
<context>
    <name>ImportOptionsPage</name>
    <message>
        <location filename="../../ui/import/importoptionspage.cpp" line="+12"/>
        <source>&amp;Pseudonymise users</source>
        <translation>用户假名化(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Mask e-mail addresses and phone numbers in text</source>
        <translation>遮盖文本中的电子邮件地址和电话号码(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;kip posts whose text repeats an earlier post&apos;s</source>
        <translation>跳过文本与先前帖子重复的帖子(&amp;K)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Privacy and storage options. Click Import to start; the window stays usable meanwhile.</source>
        <translation>隐私与存储选项。点击“导入”开始；导入期间窗口仍可使用。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User ids become keyed hashes (the key is this project&apos;s secret); user names are dropped.</source>
        <translation>用户 ID 变为带密钥的哈希（密钥为本项目的私密值）；用户名将被丢弃。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retweets and copy-paste spam: a post whose text (letter case and spacing aside) is already in the dataset or earlier in the files is skipped and counted as a duplicate.</source>
        <translation>转发和复制粘贴的垃圾信息：文本（不计字母大小写和空白）已在数据集中或在文件中较早出现的帖子将被跳过，并计为重复。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Image folders: the sub-folder name becomes the label of this task.</source>
        <translation>图像文件夹：子文件夹名称成为此任务的标签。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rows per transaction: what a crash can lose, and what re-running the import completes.</source>
        <translation>每个事务的行数：即崩溃时可能丢失、重新导入时补全的量。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Posts already in the dataset (same source id) are skipped as duplicates, so importing a file again completes an interrupted import without storing twice.</source>
        <translation>数据集中已有的帖子（来源 ID 相同）作为重复项跳过，因此再次导入同一文件可补全中断的导入，而不会重复存储。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Folder &amp;label task:</source>
        <translation>文件夹标签任务(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Batch size:</source>
        <translation>批大小(&amp;B)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
</context>
<context>
    <name>ImportResultPage</name>
    <message>
        <location filename="../../ui/import/importresultpage.cpp" line="+14"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rejected rows:</source>
        <translation>被拒绝的行：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nothing was imported.</source>
        <translation>未导入任何内容。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dataset &apos;%1&apos;: %L2 posts imported, %L3 duplicates skipped, %L4 rows rejected in %5 s.</source>
        <translation>数据集“%1”：导入 %L2 个帖子，跳过 %L3 个重复项，拒绝 %L4 行，用时 %5 秒。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The import was cancelled; import again to complete it.</source>
        <translation>导入已取消；再次导入即可补全。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The first %L1 rejected rows are listed; all are in the project&apos;s import log.</source>
        <translation>仅列出前 %L1 个被拒绝的行；全部记录在项目的导入日志中。</translation>
    </message>
</context>
<context>
    <name>ImportRunPage</name>
    <message>
        <location filename="../../ui/import/importrunpage.cpp" line="+33"/>
        <source>&amp;Cancel import</source>
        <translation>取消导入(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import again</source>
        <translation>再次导入(&amp;I)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The import runs in the background. Cancelling keeps what was stored; importing again completes it.</source>
        <translation>导入在后台运行。取消会保留已存储的内容；再次导入即可补全。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rate:</source>
        <translation>速率：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time left:</source>
        <translation>剩余时间：</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Starting...</source>
        <translation>正在开始...</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cancelling...</source>
        <translation>正在取消...</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (%2 of %3)</source>
        <translation>%1（第 %2 个，共 %3 个）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%L1 rows/s</source>
        <translation>%L1 行/秒</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%L1 rows read</source>
        <translation>已读取 %L1 行</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cancelled: %L1 posts stored, %L2 duplicates skipped, %L3 rows rejected. Import again to complete the dataset.</source>
        <translation>已取消：存储 %L1 个帖子，跳过 %L2 个重复项，拒绝 %L3 行。再次导入即可补全数据集。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done in %1.</source>
        <translation>完成，用时 %1。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The import failed: %1</source>
        <translation>导入失败：%1</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../ui/import/importwizard.cpp" line="+16"/>
        <source>Import data</source>
        <translation>导入数据</translation>
    </message>
</context>
<context>
    <name>ImportWorker</name>
    <message>
        <location filename="../../ui/import/importworker.cpp" line="+73"/>
        <source>Import failed: %1</source>
        <translation>导入失败：%1</translation>
    </message>
</context>
<context>
    <name>LabelChart</name>
    <message>
        <location filename="../../ui/data/labelchart.cpp" line="+20"/>
        <location line="+85"/>
        <source>posts</source>
        <translation>帖子</translation>
    </message>
    <message>
        <location line="-24"/>
        <location line="+8"/>
        <source>%1 (histogram, bins from)</source>
        <translation>%1（直方图，分箱起点）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>value</source>
        <translation>值</translation>
    </message>
</context>
<context>
    <name>LiveAttentionRunner</name>
    <message>
        <location filename="../../ui/attention/liveattentionrunner.cpp" line="+35"/>
        <source>the worker&apos;s answer is not JSON</source>
        <translation>工作进程的回答不是 JSON</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the model reports no attention over tokens for this post</source>
        <translation>模型没有给出此帖子词元上的注意力</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main/mainwindow.cpp" line="+75"/>
        <source>Chorus</source>
        <translation>Chorus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search post text (e.g. election, &quot;exact phrase&quot;, elect*)</source>
        <translation>搜索帖子文本（如 election、&quot;精确短语&quot;、elect*）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Explain in the Attention Explorer</source>
        <translation>在注意力浏览器中解释</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Post</source>
        <translation>帖子</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Label distribution</source>
        <translation>标签分布</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Posts over time (search and filters)</source>
        <translation>帖子随时间变化（搜索与筛选）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Runs</source>
        <translation>运行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evaluation</source>
        <translation>评估</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Projector</source>
        <translation>投影器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Analytics</source>
        <translation>分析</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recommend</source>
        <translation>推荐</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sequences</source>
        <translation>序列</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>cannot count: %1</source>
        <translation>无法计数：%1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New Project...</source>
        <translation>新建项目(&amp;N)...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open Project...</source>
        <translation>打开项目(&amp;O)...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Import Data...</source>
        <translation>导入数据(&amp;I)...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find Posts</source>
        <translation>查找帖子(&amp;F)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Clear Filters</source>
        <translation>清除筛选(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Go to %1</source>
        <translation>转到%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Theme: %1</source>
        <translation>主题：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Language: %1</source>
        <translation>语言：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language: %1. Restart Chorus to apply it.</source>
        <translation>语言：%1。重新启动 Chorus 后生效。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Data</source>
        <translation>数据(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Split Dataset...</source>
        <translation>划分数据集(&amp;S)...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Plugins...</source>
        <translation>插件(&amp;P)...</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Import data</source>
        <translation>导入数据</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+17"/>
        <source>Open or create a project first.</source>
        <translation>请先打开或创建项目。</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Imported into dataset &apos;%1&apos;</source>
        <translation>已导入数据集“%1”</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Split dataset</source>
        <translation>划分数据集</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Split %1 stored</source>
        <translation>划分 %1 已保存</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 - Chorus</source>
        <translation>%1 - Chorus</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+9"/>
        <source>Chorus projects (*.chorus)</source>
        <translation>Chorus 项目 (*.chorus)</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Cannot create project</source>
        <translation>无法创建项目</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+201"/>
        <source>Cannot open project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <location line="-188"/>
        <source>%1
%2 posts, %3 interactions</source>
        <translation>%1
%2 个帖子，%3 条互动</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>counting...</source>
        <translation>正在计数...</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Search failed: %1</source>
        <translation>搜索失败：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1</source>
        <translation>%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search &quot;%1&quot; in %2</source>
        <translation>在 %2 中搜索“%1”</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No run to explain post %1 with: train a model that attends (an RNN with attention, a transformer, a fusion model) first.</source>
        <translation>没有可用于解释帖子 %1 的运行：请先训练一个带注意力的模型（带注意力的 RNN、Transformer 或融合模型）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Post %1 in the Attention Explorer, under run %2 (choose another run there).</source>
        <translation>帖子 %1 已在注意力浏览器中打开，使用运行 %2（可在那里选择其他运行）。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>by</source>
        <translation>作者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;%1 likes, %2 shares, %3 replies</source>
        <translation>&lt;p&gt;%1 次点赞，%2 次转发，%3 条回复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · via %1</source>
        <translation> · 来自 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · reply to %1</source>
        <translation> · 回复 %1</translation>
    </message>
    <message numerus="yes">
        <location line="+45"/>
        <source>%n post(s) match</source>
        <translation>
            <numerusform>%n 个帖子匹配</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No recent projects</source>
        <translation>无最近项目</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Clear List</source>
        <translation>清除列表(&amp;C)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recent projects cleared</source>
        <translation>已清除最近项目</translation>
    </message>
</context>
<context>
    <name>ModelFormWidget</name>
    <message>
        <location filename="../../ui/models/modelformwidget.cpp" line="+83"/>
        <source>Model parameters</source>
        <translation>模型参数</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Model family</source>
        <translation>模型族</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data and training</source>
        <translation>数据与训练</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The dataset to train on; its latest stored split is used.</source>
        <translation>用于训练的数据集；使用其最近保存的划分。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The label task the model learns to predict.</source>
        <translation>模型学习预测的标签任务。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Passes over the training data.</source>
        <translation>遍历训练数据的次数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Posts per optimisation step.</source>
        <translation>每个优化步的帖子数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed of every random choice: same seed, same run.</source>
        <translation>所有随机选择的种子：种子相同，运行结果相同。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AdamW, or SGD with momentum.</source>
        <translation>AdamW，或带动量的 SGD。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate (the peak, when scheduled).</source>
        <translation>学习率（使用调度时为峰值）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How the learning rate changes over the run.</source>
        <translation>学习率在运行中如何变化。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steps of linear warm-up before the schedule.</source>
        <translation>调度开始前线性预热的步数。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Warm-up steps</source>
        <translation>预热步数</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Form</source>
        <translation>表单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>cannot list the model families: %1</source>
        <translation>无法列出模型族：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no answer</source>
        <translation>无应答</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cannot start %1 to list the model families</source>
        <translation>无法启动 %1 来列出模型族</translation>
    </message>
    <message>
        <location line="+136"/>
        <source>cannot open the preset %1</source>
        <translation>无法打开预设 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the preset %1 is not a JSON object</source>
        <translation>预设 %1 不是 JSON 对象</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>comma-separated integers, e.g. 3, 4, 5</source>
        <translation>逗号分隔的整数，如 3, 4, 5</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> (%1 to %2)</source>
        <translation>（%1 至 %2）</translation>
    </message>
    <message>
        <location line="+138"/>
        <source>JSON: %1</source>
        <translation>JSON：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>config: expected a JSON object</source>
        <translation>配置：应为 JSON 对象</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>model: the model families are not loaded yet</source>
        <translation>模型：模型族尚未加载</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>model: unknown model family &quot;%1&quot; (known: %2)</source>
        <translation>模型：未知的模型族“%1”（已知：%2）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>dataset: this project has no dataset named &quot;%1&quot;</source>
        <translation>数据集：本项目没有名为“%1”的数据集</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The configuration is valid.</source>
        <translation>配置有效。</translation>
    </message>
</context>
<context>
    <name>ModelSchemaText</name>
    <message>
        <location filename="../../ui/models/modelschematext.cpp" line="+13"/>
        <source>TextCNN</source>
        <translation>TextCNN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BiLSTM/BiGRU + attention</source>
        <translation>BiLSTM/BiGRU + 注意力</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transformer encoder</source>
        <translation>Transformer 编码器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bag of n-grams</source>
        <translation>n 元组词袋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Word2Vec</source>
        <translation>Word2Vec</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image CNN (ResNet-style)</source>
        <translation>图像 CNN（ResNet 式）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pretrained backbone (TorchScript)</source>
        <translation>预训练主干（TorchScript）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Video: frame CNN + temporal GRU/attention</source>
        <translation>视频：帧 CNN + 时间 GRU/注意力</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text + image fusion</source>
        <translation>文本 + 图像融合</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Multi-task</source>
        <translation>多任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seq2seq GRU + Bahdanau attention</source>
        <translation>Seq2seq GRU + Bahdanau 注意力</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User-kNN recommender</source>
        <translation>用户 kNN 推荐器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item-kNN recommender</source>
        <translation>物品 kNN 推荐器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Content recommender (TF-IDF)</source>
        <translation>内容推荐器（TF-IDF）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matrix factorisation (implicit ALS)</source>
        <translation>矩阵分解（隐式 ALS）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hybrid recommender</source>
        <translation>混合推荐器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hierarchical attention network (reply threads)</source>
        <translation>层次注意力网络（回复线程）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Convolutions of several widths slide over the token embeddings and keep each filter&apos;s strongest match (Kim 2014). Fast, and strong on short posts where a few phrases decide.</source>
        <translation>不同宽度的卷积在词元嵌入上滑动，每个滤波器保留其最强的匹配（Kim 2014）。速度快，适合由少数短语决定的短帖子。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Width of the token embedding vectors.</source>
        <translation>词元嵌入向量的宽度。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Window widths in tokens; one bank of filters per width.</source>
        <translation>以词元计的窗口宽度；每种宽度对应一组滤波器。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filters per window width.</source>
        <translation>每种窗口宽度的滤波器数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fraction of the pooled features zeroed at random while training.</source>
        <translation>训练时随机置零的池化特征比例。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A bidirectional LSTM or GRU reads the post both ways; additive attention weighs its tokens and the weights show which words the prediction rests on.</source>
        <translation>双向 LSTM 或 GRU 从两个方向读取帖子；加性注意力为其词元加权，权重显示预测依据哪些词。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recurrent cell: LSTM, or GRU (fewer weights, faster).</source>
        <translation>循环单元：LSTM，或 GRU（权重更少，更快）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hidden units per direction.</source>
        <translation>每个方向的隐藏单元数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stacked recurrent layers.</source>
        <translation>堆叠的循环层数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Width of the attention scoring layer.</source>
        <translation>注意力打分层的宽度。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fraction of the attended summary (and the outputs between stacked layers) zeroed at random while training.</source>
        <translation>训练时随机置零的注意力汇总（以及堆叠层之间的输出）比例。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Self-attention layers relate every token to every other; the attention of each layer and head can be inspected. Needs more data than the others to shine.</source>
        <translation>自注意力层将每个词元与所有其他词元关联；每一层、每个头的注意力都可查看。比其他模型需要更多数据才能发挥优势。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attention heads per layer; each head gets embedding_dim / heads dimensions (rounded up).</source>
        <translation>每层的注意力头数；每个头获得 embedding_dim / heads 维（向上取整）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encoder layers.</source>
        <translation>编码器层数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Width of the feed-forward block inside each layer.</source>
        <translation>每层内前馈块的宽度。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fraction of activations and attention weights zeroed at random while training.</source>
        <translation>训练时随机置零的激活值和注意力权重比例。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Position encoding: a learned table, or fixed sine waves (no extra weights).</source>
        <translation>位置编码：可学习的表，或固定的正弦波（无额外权重）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The fastText-style baseline: the mean embedding of a post&apos;s words and hashed word pairs, then a linear classifier. Trains in seconds; anything else should beat it.</source>
        <translation>fastText 式基线：帖子中词和哈希词对的平均嵌入，再接线性分类器。几秒即可训练完成；其他模型都应胜过它。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Width of the n-gram embedding vectors.</source>
        <translation>n 元组嵌入向量的宽度。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add hashed pairs of adjacent words to the bag of words.</source>
        <translation>把相邻词的哈希词对加入词袋。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hash buckets for word pairs; fewer buckets share rows between more pairs.</source>
        <translation>词对的哈希桶数；桶越少，共用一行的词对越多。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fraction of the mean embedding zeroed at random while training.</source>
        <translation>训练时随机置零的平均嵌入比例。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Word embeddings learned from the dataset&apos;s post text: skip-gram or CBOW with negative sampling; the vectors initialise text models or are explored in the projector.</source>
        <translation>从数据集的帖子文本学习词嵌入：带负采样的 skip-gram 或 CBOW；向量可用于初始化文本模型，或在投影器中探索。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip-gram predicts context from a word (better for rare words); CBOW the reverse (faster).</source>
        <translation>skip-gram 由词预测上下文（对罕见词更好）；CBOW 反之（更快）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length of each word vector.</source>
        <translation>每个词向量的长度。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Words on each side that count as context.</source>
        <translation>每侧计为上下文的词数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Noise words drawn per positive pair.</source>
        <translation>每个正样本对抽取的噪声词数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Words seen fewer times are left out of the vocabulary.</source>
        <translation>出现次数少于此值的词不进入词表。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down-sampling threshold for very frequent words (0: off).</source>
        <translation>高频词的下采样阈值（0：关闭）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starting learning rate, decaying linearly to min_alpha.</source>
        <translation>起始学习率，线性衰减到 min_alpha。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate at the end of training.</source>
        <translation>训练结束时的学习率。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Worker threads (0: one per core; 1: bit-reproducible).</source>
        <translation>工作线程数（0：每个核心一个；1：逐位可复现）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A small residual network trained from scratch on the posts&apos; pictures, then average pooling and a linear layer. Grad-CAM shows which regions a prediction rests on.</source>
        <translation>在帖子图片上从头训练的小型残差网络，接平均池化和线性层。Grad-CAM 显示预测依据图片的哪些区域。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filters of the first stage; each later stage doubles them.</source>
        <translation>第一阶段的滤波器数；之后每个阶段加倍。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stages of residual blocks; each after the first halves the resolution.</source>
        <translation>残差块的阶段数；第一个之后的每个阶段将分辨率减半。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Residual blocks (two 3x3 convolutions each) per stage.</source>
        <translation>每个阶段的残差块数（每块两个 3x3 卷积）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pictures are scaled (shorter side) and centre-cropped to this many pixels square.</source>
        <translation>图片按短边缩放并居中裁剪成边长为此像素数的正方形。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>While training, show each picture with a random crop and left-right flip.</source>
        <translation>训练时对每张图片做随机裁剪和左右翻转。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your own TorchScript network (e.g. a torchvision ResNet saved with torch.jit.trace, its last layer removed) as a frozen feature extractor, with a linear layer trained on top. Grad-CAM works when the backbone returns feature maps.</source>
        <translation>你自己的 TorchScript 网络（例如用 torch.jit.trace 保存、去掉最后一层的 torchvision ResNet）作为冻结的特征提取器，在其上训练一个线性层。主干返回特征图时 Grad-CAM 可用。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TorchScript file (.pt) mapping [B, 3, H, W] pictures to [B, D] or [B, C, h, w] features.</source>
        <translation>TorchScript 文件（.pt），把 [B, 3, H, W] 图片映射为 [B, D] 或 [B, C, h, w] 特征。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fraction of the backbone&apos;s features zeroed at random while training.</source>
        <translation>训练时随机置零的主干特征比例。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frames sampled uniformly over each clip go through a small ResNet-style CNN; a GRU or position-aware attention combines them, and the per-frame weights show which moments the prediction rests on.</source>
        <translation>在每个片段上均匀采样的帧经过一个小型 ResNet 式 CNN；GRU 或带位置的注意力将它们组合，逐帧权重显示预测依据哪些时刻。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frames sampled per clip, spread evenly over its duration.</source>
        <translation>每个片段采样的帧数，均匀分布在其时长上。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Side of the square each frame is resized and cropped to.</source>
        <translation>每帧缩放并裁剪成的正方形边长。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Width of the frame CNN&apos;s first stage; each later stage doubles it.</source>
        <translation>帧 CNN 第一阶段的宽度；之后每个阶段加倍。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stages of the frame CNN; each after the first halves the resolution.</source>
        <translation>帧 CNN 的阶段数；第一个之后的每个阶段将分辨率减半。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How frames are combined: a GRU over time, or attention with learned frame positions.</source>
        <translation>帧的组合方式：随时间的 GRU，或带可学习帧位置的注意力。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Width of the per-frame temporal states.</source>
        <translation>逐帧时间状态的宽度。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fraction of the attended clip summary zeroed at random while training.</source>
        <translation>训练时随机置零的注意力片段汇总比例。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each frame is summarised on a grid x grid layout; 1 ignores where things are, more keeps the layout that motion shows in.</source>
        <translation>每帧按 grid x grid 布局汇总；1 忽略物体位置，更大的值保留运动所体现的布局。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A BiGRU reads the post&apos;s text and a small ResNet its image; the two are fused by concatenation, a per-post gate, co-attention between words and image regions, or multi-view heads that must agree. Posts without an image still train and predict.</source>
        <translation>BiGRU 读取帖子的文本，小型 ResNet 读取其图片；两者通过拼接、逐帖门控、词与图像区域间的协同注意力，或必须彼此一致的多视图头进行融合。没有图片的帖子也能训练和预测。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>concat: join both vectors; gated: weigh the modalities per post (weights shown); coattention: words and image regions attend to each other (maps shown); multiview: a head per modality plus a fused head, trained to agree.</source>
        <translation>concat：拼接两个向量；gated：逐帖为各模态加权（显示权重）；coattention：词与图像区域互相注意（显示注意力图）；multiview：每个模态一个头加一个融合头，训练使其一致。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GRU units per direction; token and image features are twice this wide.</source>
        <translation>每个方向的 GRU 单元数；词元和图像特征的宽度是它的两倍。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stacked bidirectional GRU layers.</source>
        <translation>堆叠的双向 GRU 层数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channels of the image trunk&apos;s first stage; each later stage doubles them.</source>
        <translation>图像主干第一阶段的通道数；之后每个阶段加倍。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Residual stages; each after the first halves the grid of image regions.</source>
        <translation>残差阶段数；第一个之后的每个阶段将图像区域网格减半。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Width of the gate&apos;s scoring layer and of co-attention queries and keys.</source>
        <translation>门控打分层以及协同注意力查询和键的宽度。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hidden units of the classification head(s).</source>
        <translation>分类头的隐藏单元数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fraction of head activations zeroed at random while training.</source>
        <translation>训练时随机置零的分类头激活值比例。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>multiview only: weight of the term that pulls the text and image heads towards each other and towards the fused prediction.</source>
        <translation>仅用于 multiview：把文本头和图像头拉向彼此、并拉向融合预测的那一项的权重。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One shared BiGRU encoder with a head per label task (e.g. sentiment, topic and an engagement regression); each task&apos;s loss is weighted (the run config&apos;s task_weights) and a post may lack some labels.</source>
        <translation>一个共享的 BiGRU 编码器，每个标签任务一个头（例如情感、主题和互动量回归）；每个任务的损失按权重计入（运行配置的 task_weights），帖子可以缺少某些标签。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hidden units of each task&apos;s head.</source>
        <translation>每个任务头的隐藏单元数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the image trunk to the shared encoder (posts without an image use a learned stand-in).</source>
        <translation>把图像主干加入共享编码器（没有图片的帖子使用一个可学习的替代向量）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A bidirectional GRU encoder and an attending GRU decoder generate a sequence from a sequence: users&apos; next actions from their last ones, or a reply from the post it answers. Beam search decodes; the cross-attention shows which source tokens each output token looked at.</source>
        <translation>双向 GRU 编码器和带注意力的 GRU 解码器由一个序列生成另一个序列：由用户最近的行为预测其下一步行为，或由帖子生成回复。用束搜索解码；交叉注意力显示每个输出词元关注了哪些源词元。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What to learn: replies (parent post -&gt; reply text) or behaviour (a user&apos;s last actions -&gt; their next ones, from an interactions dataset).</source>
        <translation>学习目标：replies（父帖子 -&gt; 回复文本）或 behaviour（用户最近的行为 -&gt; 其下一步行为，来自交互数据集）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GRU units: per direction in the encoder, and the decoder&apos;s state.</source>
        <translation>GRU 单元数：编码器中为每个方向的单元数，也是解码器的状态大小。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stacked GRU layers in the encoder and the decoder.</source>
        <translation>编码器和解码器中堆叠的 GRU 层数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fraction of embeddings and decoder features zeroed while training.</source>
        <translation>训练时置零的嵌入和解码器特征比例。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Probability of feeding the true previous token to the decoder at the first step.</source>
        <translation>第一步时把真实的上一个词元输入解码器的概率。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same probability at the last step; it decays linearly in between.</source>
        <translation>最后一步时的同一概率；两者之间线性衰减。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hypotheses kept by beam search at test time (1: greedy).</source>
        <translation>测试时束搜索保留的假设数（1：贪心）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GNMT length penalty alpha: scores are log P / ((5 + length) / 6)^alpha.</source>
        <translation>GNMT 长度惩罚 alpha：得分为 log P / ((5 + length) / 6)^alpha。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longest output in tokens, &lt;eos&gt; included; longer reply texts are cut.</source>
        <translation>以词元计的最长输出，包括 &lt;eos&gt;；更长的回复文本会被截断。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replies: parent-post tokens read (the first ones).</source>
        <translation>回复：读取的父帖子词元数（取最前面的）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Behaviour: previous actions in the source, at most.</source>
        <translation>行为：源序列中先前行为的最大数目。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Behaviour: next actions to predict.</source>
        <translation>行为：要预测的后续行为数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tokens seen fewer times in training become &lt;unk&gt;.</source>
        <translation>训练中出现次数少于此值的词元变为 &lt;unk&gt;。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Users whose histories resemble yours (cosine over their items) vote for their items. Evaluated leave-last-out (NDCG@K, recall@K, hit rate, coverage) beside the popularity baseline.</source>
        <translation>历史与你相似的用户（基于其物品的余弦相似度）为他们的物品投票。采用留一法评估（NDCG@K、recall@K、命中率、覆盖率），与流行度基线并列。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Most similar users or items kept per user or item (fewer: faster, less noise).</source>
        <translation>每个用户或物品保留的最相似用户或物品数（越少：越快，噪声越少）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shrunk cosine a.b / (|a| |b| + shrinkage): similarities backed by little data count less (0: plain cosine).</source>
        <translation>收缩余弦 a.b / (|a| |b| + shrinkage)：数据支持少的相似度权重更低（0：普通余弦）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length of the recommendation lists scored by the leave-last-out evaluation (NDCG@K, ...).</source>
        <translation>留一法评估所打分的推荐列表长度（NDCG@K 等）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interaction kinds to learn from, comma-separated (view,like,share), or all.</source>
        <translation>用于学习的交互类型，以逗号分隔（view,like,share），或 all。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How repeated interactions of a user with an item combine: their weights add up, or the strongest counts.</source>
        <translation>同一用户与同一物品的重复交互如何合并：权重相加，或取最强的一次。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items the same users interacted with are similar; your items vote for their neighbours. Evaluated leave-last-out (NDCG@K, recall@K, hit rate, coverage) beside the popularity baseline.</source>
        <translation>被相同用户交互过的物品彼此相似；你的物品为其近邻投票。采用留一法评估（NDCG@K、recall@K、命中率、覆盖率），与流行度基线并列。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items whose titles and topics share terms with those of your items; ranks new items too. Evaluated leave-last-out (NDCG@K, recall@K, hit rate, coverage) beside the popularity baseline.</source>
        <translation>标题和主题与你的物品有共同词项的物品；也能为新物品排序。采用留一法评估（NDCG@K、recall@K、命中率、覆盖率），与流行度基线并列。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latent user and item factors fitted by alternating least squares on implicit feedback; the factors open in the embedding projector. Evaluated leave-last-out (NDCG@K, recall@K, hit rate, coverage) beside the popularity baseline.</source>
        <translation>用交替最小二乘法在隐式反馈上拟合的用户和物品潜在因子；这些因子可在嵌入投影器中打开。采用留一法评估（NDCG@K、recall@K、命中率、覆盖率），与流行度基线并列。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latent factors per user and item.</source>
        <translation>每个用户和物品的潜在因子数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight of the factors&apos; squared norms: keeps rarely seen users and items near zero.</source>
        <translation>因子平方范数的权重：让很少出现的用户和物品保持接近零。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confidence in an observed interaction is 1 + alpha x weight (unobserved: 1).</source>
        <translation>对一次观察到的交互的置信度为 1 + alpha x 权重（未观察到：1）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alternating least-squares sweeps (users, then items).</source>
        <translation>交替最小二乘的轮数（先用户，再物品）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A weighted blend of item-kNN, user-kNN, matrix factorisation and content scores, each normalised per user. Evaluated leave-last-out (NDCG@K, recall@K, hit rate, coverage) beside the popularity baseline.</source>
        <translation>物品 kNN、用户 kNN、矩阵分解和内容得分的加权混合，每项按用户归一化。采用留一法评估（NDCG@K、recall@K、命中率、覆盖率），与流行度基线并列。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight of item-kNN in the blend (0: left out).</source>
        <translation>物品 kNN 在混合中的权重（0：不使用）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight of user-kNN in the blend (0: left out).</source>
        <translation>用户 kNN 在混合中的权重（0：不使用）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight of matrix factorisation in the blend (0: left out).</source>
        <translation>矩阵分解在混合中的权重（0：不使用）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight of the content (TF-IDF of item titles) model in the blend (0: left out).</source>
        <translation>内容模型（物品标题的 TF-IDF）在混合中的权重（0：不使用）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reads each post with its reply thread: a BiGRU with attention summarises every post from its words, a second BiGRU with attention summarises the thread from its posts. Both levels of attention show which posts of the thread, and which of their words, the prediction rests on.</source>
        <translation>把每个帖子与其回复线程一起读取：一个带注意力的 BiGRU 由词汇总每个帖子，另一个带注意力的 BiGRU 由帖子汇总整个线程。两级注意力显示预测依据线程中的哪些帖子，以及其中的哪些词。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hidden units per direction of the word-level GRU (reads one post).</source>
        <translation>词级 GRU（读取一个帖子）每个方向的隐藏单元数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hidden units per direction of the post-level GRU (reads the thread&apos;s post vectors).</source>
        <translation>帖子级 GRU（读取线程的帖子向量）每个方向的隐藏单元数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Width of the word- and post-level attention scoring layers.</source>
        <translation>词级和帖子级注意力打分层的宽度。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Posts of the thread read with each post: itself, its ancestors, then earlier replies (1: every post alone).</source>
        <translation>与每个帖子一起读取的线程帖子数：帖子本身、其祖先，然后是更早的回复（1：每个帖子单独读取）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tokens kept per post; longer posts are cut.</source>
        <translation>每个帖子保留的词元数；更长的帖子会被截断。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fraction of the embeddings, post vectors and summary zeroed at random while training.</source>
        <translation>训练时随机置零的嵌入、帖子向量和汇总比例。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How post text becomes tokens: Chorus&apos;s social-media tokenizer (words, emoji, #hashtags, @mentions, URLs as tokens), or SentencePiece subword pieces learned from this run&apos;s training posts (suits languages without spaces and text full of rare word forms).</source>
        <translation>帖子文本如何切分为词元：Chorus 的社交媒体分词器（单词、表情符号、#话题标签、@提及、URL 各为一个词元），或从本次运行的训练帖子中学习的 SentencePiece 子词片段（适合不以空格分词的语言以及罕见词形很多的文本）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With the SentencePiece tokenizer: pieces in its model, at most (fewer when the training text is small).</source>
        <translation>使用 SentencePiece 分词器时：其模型中的片段数上限（训练文本较少时会更少）。</translation>
    </message>
</context>
<context>
    <name>OpinionView</name>
    <message>
        <location filename="../../ui/analytics/opinionview.cpp" line="+34"/>
        <source>Show opinion</source>
        <translation>显示观点</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export shares...</source>
        <translation>导出占比...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export forecast...</source>
        <translation>导出预测...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hour</source>
        <translation>小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>day</source>
        <translation>天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>week</source>
        <translation>周</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>optional, e.g. #election</source>
        <translation>可选，如 #election</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>topic value</source>
        <translation>主题值</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Opinion task</source>
        <translation>观点任务</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>per</source>
        <translation>每</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hashtag</source>
        <translation>话题标签</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>or topic</source>
        <translation>或主题</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Class shares per bucket</source>
        <translation>各时间段的类别占比</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Forecast the share of</source>
        <translation>预测以下类别的占比：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>for the next</source>
        <translation>未来</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>periods (Holt)</source>
        <translation>个周期（Holt）</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Export opinion shares</source>
        <translation>导出观点占比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (*.csv);;PNG (*.png);;SVG (*.svg);;PDF (*.pdf)</source>
        <translation>CSV (*.csv);;PNG (*.png);;SVG (*.svg);;PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+6"/>
        <source>Cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Export forecast</source>
        <translation>导出预测</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG (*.png);;SVG (*.svg);;PDF (*.pdf);;CSV (*.csv)</source>
        <translation>PNG (*.png);;SVG (*.svg);;PDF (*.pdf);;CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1...</source>
        <translation>%1...</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (not stored: %2)</source>
        <translation>%1（未保存：%2）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>(no topic filter)</source>
        <translation>（不按主题筛选）</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Pick the label task that holds the opinion (e.g. sentiment)</source>
        <translation>选择表示观点的标签任务（如 sentiment）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Type the topic value to keep, or drop the topic filter</source>
        <translation>输入要保留的主题值，或取消主题筛选</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Counting...</source>
        <translation>正在计数...</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Cannot show analysis %1: %2</source>
        <translation>无法显示分析 %1：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it is not an opinion result</source>
        <translation>它不是观点分析结果</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Stored analysis %1: %2</source>
        <translation>已保存的分析 %1：%2</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>share of labelled posts</source>
        <translation>已标注帖子中的占比</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Largest shift from %1: &apos;%2&apos; went from %3% to %4% (%5 posts before, %6 after; total variation %7, chi-square %8)</source>
        <translation>自 %1 起变化最大：“%2”从 %3% 变为 %4%（之前 %5 个帖子，之后 %6 个；总变差 %7，卡方 %8）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Too few labelled buckets for a shift</source>
        <translation>已标注的时间段太少，无法计算变化</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 labelled posts in %2 buckets</source>
        <translation>%2 个时间段内共 %1 个已标注帖子</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No forecast: %1</source>
        <translation>无预测：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>share of &apos;%1&apos;</source>
        <translation>“%1”的占比</translation>
    </message>
</context>
<context>
    <name>PlotExporter</name>
    <message>
        <location filename="../../ui/common/plotexporter.cpp" line="+97"/>
        <source>Export as PNG...</source>
        <translation>导出为 PNG...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export as SVG...</source>
        <translation>导出为 SVG...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export as PDF...</source>
        <translation>导出为 PDF...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export data as CSV...</source>
        <translation>将数据导出为 CSV...</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SVG images (*.svg)</source>
        <translation>SVG 图像 (*.svg)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export plot</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
</context>
<context>
    <name>PluginsDialog</name>
    <message>
        <location filename="../../ui/main/pluginsdialog.cpp" line="+33"/>
        <source>Plugins</source>
        <translation>插件</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Plugins add import formats and model families to Chorus. They are loaded at start from these folders:&lt;br&gt;%1</source>
        <translation>插件为 Chorus 添加导入格式和模型族。启动时从以下文件夹加载插件：&lt;br&gt;%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Plugin</source>
        <translation>插件</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+102"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="-102"/>
        <location line="+100"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="-100"/>
        <source>Provides</source>
        <translation>提供</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Enabling or disabling a plugin takes effect the next time Chorus starts.</source>
        <translation>启用或禁用插件将在 Chorus 下次启动时生效。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No plugins were found.</source>
        <translation>未找到插件。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Loaded</source>
        <translation>已加载</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Disabled</source>
        <translation>已禁用</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>import: %1</source>
        <translation>导入：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>models: %1</source>
        <translation>模型：%1</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Interface version</source>
        <translation>接口版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (this Chorus: %2)</source>
        <translation>%1（本 Chorus：%2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import formats</source>
        <translation>导入格式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model families</source>
        <translation>模型族</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Library</source>
        <translation>库</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Manifest</source>
        <translation>清单</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Could not save the choice: %1</source>
        <translation>无法保存此选择：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” will be loaded the next time Chorus starts.</source>
        <translation>“%1”将在 Chorus 下次启动时加载。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” will not be loaded the next time Chorus starts.</source>
        <translation>Chorus 下次启动时将不再加载“%1”。</translation>
    </message>
</context>
<context>
    <name>PointGrouping</name>
    <message>
        <location filename="../../ui/embeddings/pointgrouping.cpp" line="+50"/>
        <source>points</source>
        <translation>点</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>rank &gt; %L1</source>
        <translation>排名 &gt; %L1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rank %L1-%L2</source>
        <translation>排名 %L1-%L2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(no time)</source>
        <translation>（无时间）</translation>
    </message>
</context>
<context>
    <name>PostFilterBar</name>
    <message>
        <location filename="../../ui/data/postfilterbar.cpp" line="+41"/>
        <source>Picture</source>
        <translation>图片</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Clip</source>
        <translation>视频</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Posts created on or after this day (UTC)</source>
        <translation>在此日期（UTC）或之后发布的帖子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Posts created on or before this day (UTC)</source>
        <translation>在此日期（UTC）或之前发布的帖子</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only posts labelled for this task</source>
        <translation>仅显示此任务下已标注的帖子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only posts with this label value</source>
        <translation>仅显示带此标签值的帖子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only posts assigned by this split</source>
        <translation>仅显示此划分所分配的帖子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only posts of this part of the split</source>
        <translation>仅显示划分中此部分的帖子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only posts with at least one picture</source>
        <translation>仅显示至少含一张图片的帖子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only posts with at least one video clip</source>
        <translation>仅显示至少含一段视频的帖子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>any part</source>
        <translation>任意部分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Split</source>
        <translation>划分</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+30"/>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>#%1 %2, %3 (%4 posts)</source>
        <translation>#%1 %2，%3（%4 个帖子）</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>any value</source>
        <translation>任意值</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>PostsTableModel</name>
    <message numerus="yes">
        <location filename="../../ui/data/poststablemodel.cpp" line="+73"/>
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n 张图片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n video(s)</source>
        <translation>
            <numerusform>%n 个视频</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Likes</source>
        <translation>点赞</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Media</source>
        <translation>媒体</translation>
    </message>
</context>
<context>
    <name>ProjectionRunner</name>
    <message>
        <location filename="../../ui/embeddings/projectionrunner.cpp" line="+44"/>
        <source>PCA: the two components explain %1% and %2% of the variance</source>
        <translation>PCA：两个主成分分别解释 %1% 和 %2% 的方差</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>t-SNE iterations</source>
        <translation>t-SNE 迭代</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>t-SNE: %1 iterations, KL divergence %2</source>
        <translation>t-SNE：%1 次迭代，KL 散度 %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>UMAP neighbour search</source>
        <translation>UMAP 近邻搜索</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>UMAP epochs</source>
        <translation>UMAP 轮次</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>UMAP: %1 epochs over %2 edges, %3 neighbours</source>
        <translation>UMAP：在 %2 条边上优化 %1 轮，近邻为%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>exact</source>
        <translation>精确</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>approximate (NN-descent)</source>
        <translation>近似（NN-descent）</translation>
    </message>
</context>
<context>
    <name>ProjectionSettings</name>
    <message>
        <location filename="../../ui/embeddings/projectionsettings.cpp" line="+14"/>
        <source>PCA</source>
        <translation>PCA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>t-SNE (Barnes-Hut)</source>
        <translation>t-SNE（Barnes-Hut）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UMAP</source>
        <translation>UMAP</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Barnes-Hut accuracy: 0 is exact (slow), larger is faster and coarser</source>
        <translation>Barnes-Hut 精度：0 为精确计算（慢），越大越快但越粗略</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Neighbours per point, the point itself included: larger keeps more of the global structure, smaller more of the local</source>
        <translation>每个点的近邻数（含该点自身）：越大越能保留全局结构，越小越能保留局部结构</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>How tightly points may pack together in the layout</source>
        <translation>布局中各点可以聚集的紧密程度</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Automatic: 500 up to 10,000 points, 200 above</source>
        <translation>自动：不超过 10,000 个点时为 500 轮，更多时为 200 轮</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Perplexity</source>
        <translation>困惑度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Iterations</source>
        <translation>迭代次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Theta</source>
        <translation>Theta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Neighbours</source>
        <translation>近邻数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum distance</source>
        <translation>最小距离</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>t-SNE: %1</source>
        <translation>t-SNE：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>UMAP: %1</source>
        <translation>UMAP：%1</translation>
    </message>
</context>
<context>
    <name>ProjectorSourceList</name>
    <message>
        <location filename="../../ui/embeddings/projectorsourcelist.cpp" line="+28"/>
        <source>#%1 %2 (%3): %4</source>
        <translation>#%1 %2（%3）：%4</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>user factors</source>
        <translation>用户因子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>item factors</source>
        <translation>物品因子</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>word vectors</source>
        <translation>词向量</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>token embeddings</source>
        <translation>词元嵌入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>posts as the model sees them</source>
        <translation>模型眼中的帖子</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Posts of &apos;%1&apos; (LSA)</source>
        <translation>“%1”的帖子（LSA）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Users of &apos;%1&apos; (TF-IDF, LSA)</source>
        <translation>“%1”的用户（TF-IDF，LSA）</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>posts as %1 saw them at epoch %2</source>
        <translation>第 %2 轮时 %1 眼中的帖子</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>user factors of %1, iteration %2</source>
        <translation>%1 的用户因子，第 %2 次迭代</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>item factors of %1, iteration %2</source>
        <translation>%1 的物品因子，第 %2 次迭代</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1, epoch %2</source>
        <translation>%1，第 %2 轮</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Iteration %1</source>
        <translation>第 %1 次迭代</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epoch %1 (step %2)</source>
        <translation>第 %1 轮（第 %2 步）</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../../ui/analytics/userprofileview.cpp" line="+100"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../ui/data/postfilterbar.cpp" line="-126"/>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message>
        <location filename="../../ui/import/importpreview.cpp" line="+46"/>
        <source>The file is empty: it should start with a header line naming its columns.</source>
        <translation>文件为空：文件应以列出各列名称的表头行开始。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>No JSON object on the first lines (a JSON array file is imported, but not previewed).</source>
        <translation>前几行没有 JSON 对象（JSON 数组文件可以导入，但不提供预览）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Media inputs have no rows to preview; each file becomes a post.</source>
        <translation>媒体输入没有可预览的行；每个文件成为一个帖子。</translation>
    </message>
    <message>
        <location filename="../../ui/import/importrunpage.cpp" line="-130"/>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
</context>
<context>
    <name>RecommenderPanel</name>
    <message>
        <location filename="../../ui/recommenders/recommenderpanel.cpp" line="+62"/>
        <source>, </source>
        <comment>between the names and titles of a reason</comment>
        <translation>、</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>users like you: %1</source>
        <translation>与你相似的用户：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1”</source>
        <comment>an item title quoted</comment>
        <translation>“%1”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>similar to %1 you liked</source>
        <translation>与你喜欢的 %1 相似</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>content: shared terms %1</source>
        <translation>内容：共有词项 %1</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>popular: %n user(s)</source>
        <translation>
            <numerusform>热门：%n 个用户</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+1"/>
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+1"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last interaction</source>
        <translation>最近交互</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>How many items to recommend.</source>
        <translation>要推荐的物品数量。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search users by name or id</source>
        <translation>按名称或 ID 搜索用户</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Items</source>
        <translation>物品数</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Recommender run</source>
        <translation>推荐运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recommendations</source>
        <translation>推荐数量</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>History (most recent first)</source>
        <translation>历史（最近的在前）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Recommended (items the user has not interacted with)</source>
        <translation>推荐（该用户尚未交互过的物品）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Train a recommender (Models tab, an interactions dataset) to see recommendations here.</source>
        <translation>训练一个推荐模型（“模型”标签页，使用交互数据集）后，即可在此查看推荐。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Run %1: %2 on %3</source>
        <translation>运行 %1：%3 上的 %2</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Loading run %1…</source>
        <translation>正在加载运行 %1…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Run %1 (%2): %3 users, %4 items.</source>
        <translation>运行 %1（%2）：%3 个用户，%4 个物品。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Recommending for %1…</source>
        <translation>正在为 %1 生成推荐…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;b&gt;%1&lt;/b&gt; (user %2)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;（用户 %2）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%n recommendation(s) for %1.</source>
        <translation>
            <numerusform>为 %1 生成了 %n 条推荐。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunStatus</name>
    <message>
        <location filename="../../ui/common/runstatus.cpp" line="+6"/>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
</context>
<context>
    <name>RunsPanel</name>
    <message>
        <location filename="../../ui/runs/runspanel.cpp" line="+28"/>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename...</source>
        <translation>重命名...</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete...</source>
        <translation>删除...</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Validation accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Validation macro-F1</source>
        <translation>验证宏 F1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Throughput (samples/s)</source>
        <translation>吞吐量（样本/秒）</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+134"/>
        <location line="+7"/>
        <source>Key</source>
        <translation>配置项</translation>
    </message>
    <message>
        <location line="-141"/>
        <location line="+134"/>
        <source>Run A</source>
        <translation>运行 A</translation>
    </message>
    <message>
        <location line="-134"/>
        <location line="+134"/>
        <source>Run B</source>
        <translation>运行 B</translation>
    </message>
    <message>
        <location line="-124"/>
        <source>Curve</source>
        <translation>曲线</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Config differences (select two runs)</source>
        <translation>配置差异（选择两个运行）</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>run %1 (%2)</source>
        <translation>运行 %1（%2）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>run %1</source>
        <translation>运行 %1</translation>
    </message>
    <message>
        <location line="+51"/>
        <location line="+1"/>
        <source>(absent)</source>
        <translation>（缺失）</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+10"/>
        <source>No project is open.</source>
        <translation>未打开项目。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Rename run</source>
        <translation>重命名运行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name of run %1:</source>
        <translation>运行 %1 的名称：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Delete runs</source>
        <translation>删除运行</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Delete %n run(s) with their metrics, checkpoints and attention snapshots?</source>
        <translation>
            <numerusform>删除 %n 个运行及其指标、检查点和注意力快照？</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunsTableModel</name>
    <message>
        <location filename="../../ui/runs/runstablemodel.cpp" line="+117"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LR</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Best accuracy</source>
        <translation>最佳准确率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Best macro-F1</source>
        <translation>最佳宏 F1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
</context>
<context>
    <name>SaliencyRunner</name>
    <message>
        <location filename="../../ui/attention/saliencyrunner.cpp" line="+26"/>
        <source>The worker&apos;s answer is not JSON.</source>
        <translation>工作进程的回复不是 JSON。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The worker&apos;s answer has no saliency.</source>
        <translation>工作进程的回复中没有显著性。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The saliency does not match the post&apos;s tokens.</source>
        <translation>显著性与帖子的词元不匹配。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The worker&apos;s saliency is malformed: %1</source>
        <translation>工作进程的显著性格式有误：%1</translation>
    </message>
</context>
<context>
    <name>ScatterView</name>
    <message>
        <location filename="../../ui/embeddings/scatterview.cpp" line="+62"/>
        <source>points</source>
        <translation>点</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>Seq2seqExplanation</name>
    <message>
        <location filename="../../ui/sequences/seq2seqexplanation.cpp" line="+26"/>
        <source>The worker&apos;s answer is not JSON.</source>
        <translation>工作进程的回复不是 JSON。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The worker&apos;s answer is not a seq2seq beam.</source>
        <translation>工作进程的回复不是 seq2seq 的束搜索结果。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>A candidate&apos;s cross-attention does not match the source tokens.</source>
        <translation>某个候选的交叉注意力与源词元不符。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A candidate&apos;s cross-attention does not match its decoded tokens.</source>
        <translation>某个候选的交叉注意力与其解码词元不符。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The beam returned no candidate.</source>
        <translation>束搜索没有返回任何候选。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The worker&apos;s beam is malformed: %1</source>
        <translation>工作进程的束搜索结果格式错误：%1</translation>
    </message>
</context>
<context>
    <name>Seq2seqView</name>
    <message>
        <location filename="../../ui/sequences/seq2seqview.cpp" line="+46"/>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Typed text</source>
        <translation>输入文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Post by id</source>
        <translation>按 ID 选择帖子</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The id of a stored post (the Data tab&apos;s Id column): its text is the source.</source>
        <translation>已存帖子的 ID（数据标签页的 ID 列）：以其文本为源序列。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hypotheses kept by beam search (1: greedy decoding).</source>
        <translation>束搜索保留的假设数（1：贪心解码）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>GNMT length penalty alpha: candidates are ranked by log P / ((5 + length) / 6)^alpha; 0 favours short outputs.</source>
        <translation>GNMT 长度惩罚系数 alpha：候选按 log P / ((5 + length) / 6)^alpha 排序；0 偏向较短的输出。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This project has no seq2seq run. Train one in the Models tab with the family seq2seq: source &quot;replies&quot; learns to answer posts from a dataset&apos;s reply threads, source &quot;behaviour&quot; learns users&apos; next actions from an interactions dataset.</source>
        <translation>此项目没有 seq2seq 运行。请在“模型”标签页用 seq2seq 模型族训练一个：源 &quot;replies&quot; 从数据集的回复线程学习回复帖子，源 &quot;behaviour&quot; 从交互数据集学习用户的下一步行为。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Candidate</source>
        <translation>候选</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Log-probability</source>
        <translation>对数概率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Length</source>
        <translation>长度</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Finished</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log-probability over the length penalty: what the beam ranks by.</source>
        <translation>对数概率除以长度惩罚：束搜索按此排序。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decoded steps, &lt;eos&gt; included.</source>
        <translation>解码步数，含 &lt;eos&gt;。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Beam width</source>
        <translation>束宽</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Length penalty</source>
        <translation>长度惩罚</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Seq2seq run</source>
        <translation>Seq2seq 运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>源序列</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decoding</source>
        <translation>解码</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Beam candidates, best first (select one to see its cross-attention)</source>
        <translation>束搜索候选，最佳在前（选中一个查看其交叉注意力）</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Run %1: behaviour (next actions) on %2</source>
        <translation>运行 %1：%2 上的行为（下一步行为）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Run %1: replies on %2</source>
        <translation>运行 %1：%2 上的回复</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>behaviour: a user&apos;s latest actions -&gt; their next actions</source>
        <translation>行为：用户最近的行为 -&gt; 其下一步行为</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>replies: a post&apos;s text -&gt; a reply</source>
        <translation>回复：帖子文本 -&gt; 回复</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+1"/>
        <source>as trained (%1)</source>
        <translation>按训练设置（%1）</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+2"/>
        <source>as trained</source>
        <translation>按训练设置</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Give a source and press Generate.</source>
        <translation>请给出源序列并点击“生成”。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Actions, oldest first: kind:item kind:item ... (e.g. view:item-0042 like:item-0042)</source>
        <translation>行为，从旧到新：kind:item kind:item ...（例如 view:item-0042 like:item-0042）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A post to reply to</source>
        <translation>要回复的帖子</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Post %1: %2</source>
        <translation>帖子 %1：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No post with id %1.</source>
        <translation>没有 ID 为 %1 的帖子。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose a seq2seq run first.</source>
        <translation>请先选择一个 seq2seq 运行。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Type the actions to continue, as kind:item kind:item ...</source>
        <translation>请输入要接续的行为，格式为 kind:item kind:item ...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type a text to generate a reply to.</source>
        <translation>请输入要为其生成回复的文本。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Generating with run %1…</source>
        <translation>正在用运行 %1 生成…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Source as the run reads it: no tokens (nothing to attend to).</source>
        <translation>运行读到的源序列：没有词元（无可关注的内容）。</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Source as the run reads it (%n token(s)): %1</source>
        <translation>
            <numerusform>运行读到的源序列（%n 个词元）：%1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no (cut at the maximum length)</source>
        <translation>否（在最大长度处截断）</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n candidate(s) from beam width %1, length penalty %2.</source>
        <translation>
            <numerusform>束宽 %1、长度惩罚 %2 下得到 %n 个候选。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Candidate %1: cross-attention (score %2)</source>
        <translation>候选 %1：交叉注意力（得分 %2）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <location filename="../../ui/data/splitdialog.cpp" line="+35"/>
        <source>&amp;Split</source>
        <translation>划分(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Split dataset</source>
        <translation>划分数据集</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (%L2 posts)</source>
        <translation>%1（%L2 个帖子）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random, stratified by a label task</source>
        <translation>随机，按标签任务分层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By time (oldest train, newest test)</source>
        <translation>按时间（最早的用于训练，最新的用于测试）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By user (no author in two parts)</source>
        <translation>按用户（同一作者不跨两部分）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>optional, e.g. baseline-80-10-10</source>
        <translation>可选，如 baseline-80-10-10</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Dataset:</source>
        <translation>数据集(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;trategy:</source>
        <translation>策略(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Label task:</source>
        <translation>标签任务(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;rain ratio:</source>
        <translation>训练比例(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Validation ratio:</source>
        <translation>验证比例(&amp;V)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;est ratio:</source>
        <translation>测试比例(&amp;E)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;eed:</source>
        <translation>随机种子(&amp;E)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Dataset: the project has no dataset to split; import one first.</source>
        <translation>数据集：项目中没有可划分的数据集；请先导入一个。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Test ratio: the ratios sum to %1, not 1; set the test ratio to %2.</source>
        <translation>测试比例：各比例之和为 %1 而不是 1；请将测试比例设为 %2。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Train ratio: the ratios sum to %1, not 1; set the train ratio to %2.</source>
        <translation>训练比例：各比例之和为 %1 而不是 1；请将训练比例设为 %2。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Validation ratio: the ratios sum to %1, not 1; lower the validation ratio.</source>
        <translation>验证比例：各比例之和为 %1 而不是 1；请降低验证比例。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Strategy: %1</source>
        <translation>策略：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Label task: the dataset has no label task to stratify by; choose another strategy.</source>
        <translation>标签任务：数据集中没有可用于分层的标签任务；请选择其他策略。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Splitting...</source>
        <translation>正在划分...</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The split was stored, its name not: %1</source>
        <translation>划分已保存，但其名称未能保存：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Split failed: %1</source>
        <translation>划分失败：%1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Split %1 stored: train %L2, validation %L3, test %L4 posts.</source>
        <translation>划分 %1 已保存：训练 %L2 个、验证 %L3 个、测试 %L4 个帖子。</translation>
    </message>
</context>
<context>
    <name>StackedAreaChart</name>
    <message>
        <location filename="../../ui/analytics/stackedareachart.cpp" line="+99"/>
        <source>bucket</source>
        <translation>时间段</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>bucket_start</source>
        <translation>时间段起点</translation>
    </message>
</context>
<context>
    <name>StageText</name>
    <message>
        <location filename="../../ui/common/stagetext.cpp" line="+7"/>
        <source>clustering</source>
        <translation>聚类</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>counting</source>
        <translation>计数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>counting opinion</source>
        <translation>统计观点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>counting terms</source>
        <translation>统计词语</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>describing topics</source>
        <translation>描述主题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>embedding posts</source>
        <translation>嵌入帖子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>encoding posts</source>
        <translation>编码帖子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>estimating k</source>
        <translation>估计 k</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>finding bursts</source>
        <translation>检测爆发</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>forecasting</source>
        <translation>预测</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loading the stored topics</source>
        <translation>加载已保存的主题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lsa</source>
        <translation>LSA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>profile</source>
        <translation>生成画像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sampling topics</source>
        <translation>采样主题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>similar users</source>
        <translation>相似用户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>storing</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>user vectors</source>
        <translation>计算用户向量</translation>
    </message>
</context>
<context>
    <name>StoredAnalysesView</name>
    <message>
        <location filename="../../ui/analytics/storedanalysesview.cpp" line="+26"/>
        <source>trends</source>
        <translation>趋势</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>opinion</source>
        <translation>观点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>user profile</source>
        <translation>用户画像</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>topics</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename...</source>
        <translation>重命名...</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export JSON...</source>
        <translation>导出 JSON...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>every kind</source>
        <translation>所有类型</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+38"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stored (UTC)</source>
        <translation>保存时间（UTC）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Results of trends, opinion, profiles and topic runs kept in the project, from this window or chorus-cli. Open one to see it again without recomputing.</source>
        <translation>项目中保存的趋势、观点、用户画像和主题分析结果，来自此窗口或 chorus-cli。打开一项即可再次查看，无需重新计算。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Rename analysis</source>
        <translation>重命名分析</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Delete analysis</source>
        <translation>删除分析</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete stored analysis %1?</source>
        <translation>删除已保存的分析 %1？</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export analysis</source>
        <translation>导出分析</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>profile of user #%1</source>
        <translation>用户 #%1 的画像</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(every dataset)</source>
        <translation>（所有数据集）</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n stored analysis(es)</source>
        <translation>
            <numerusform>%n 个已保存的分析</numerusform>
        </translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Deleted analysis %1</source>
        <translation>已删除分析 %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wrote analysis %1 to %2</source>
        <translation>已将分析 %1 写入 %2</translation>
    </message>
</context>
<context>
    <name>ThreadAttentionView</name>
    <message>
        <location filename="../../ui/attention/threadattentionview.cpp" line="+49"/>
        <source>Reply thread, oldest first: each post&apos;s share of the post-level attention (bar) and, within each post, the word-level attention (colour).</source>
        <translation>回复串（从早到晚）：每条帖子在帖子级注意力中的份额（条形），以及每条帖子内部的词级注意力（颜色）。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&lt;b&gt;Post %1&lt;/b&gt; (the classified post)</source>
        <translation>&lt;b&gt;帖子 %1&lt;/b&gt;（被分类的帖子）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Post %1</source>
        <translation>帖子 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Post-level attention %1</source>
        <translation>帖子级注意力 %1</translation>
    </message>
</context>
<context>
    <name>TimeChart</name>
    <message>
        <location filename="../../ui/data/timechart.cpp" line="+25"/>
        <location line="+7"/>
        <source>posts</source>
        <translation>帖子</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>week</source>
        <translation>周</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>day</source>
        <translation>天</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>posts per week (UTC, from Monday)</source>
        <translation>每周帖子数（UTC，自周一起）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>posts per day (UTC)</source>
        <translation>每天帖子数（UTC）</translation>
    </message>
</context>
<context>
    <name>TokenChip</name>
    <message>
        <location filename="../../ui/attention/tokenchip.cpp" line="+44"/>
        <source>%1
attention weight %2</source>
        <translation>%1
注意力权重 %2</translation>
    </message>
</context>
<context>
    <name>TokenColouringPanel</name>
    <message>
        <location filename="../../ui/attention/tokencolouringpanel.cpp" line="+17"/>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Head</source>
        <translation>注意力头</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gradient × input</source>
        <translation>梯度 × 输入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Integrated gradients</source>
        <translation>积分梯度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the token colours show: the attention the model recorded, or how much each token moved the predicted class&apos;s score (saliency, computed by the worker).</source>
        <translation>词元颜色所表示的内容：模型记录的注意力，或每个词元使预测类别得分变化的幅度（显著性，由工作进程计算）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Integrated gradients: intervals of the path from the baseline to the post</source>
        <translation>积分梯度：从基线到帖子的路径所分的区间数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>zero embeddings</source>
        <translation>零嵌入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>padding token</source>
        <translation>填充词元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Integrated gradients: the embeddings the path starts from</source>
        <translation>积分梯度：路径起点的嵌入</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Colour by</source>
        <translation>着色依据</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>average of heads</source>
        <translation>各头平均</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>gradient × input</source>
        <translation>梯度 × 输入</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>integrated gradients</source>
        <translation>积分梯度</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1
%2 %3</source>
        <translation>%1
%2 %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> (layer %1, average of heads)</source>
        <translation>（第 %1 层，各头平均）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (layer %1, head %2)</source>
        <translation>（第 %1 层，第 %2 头）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1
attention weight %2%3</source>
        <translation>%1
注意力权重 %2%3</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Self-attention, layer %1, average of heads</source>
        <translation>自注意力，第 %1 层，各头平均</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Self-attention, layer %1, head %2</source>
        <translation>自注意力，第 %1 层，第 %2 头</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This post is too long for its per-head matrices to have been recorded; the average of the heads has one.</source>
        <translation>此帖子过长，未记录各头的矩阵；各头平均的矩阵已记录。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saliency for class &lt;b&gt;%1&lt;/b&gt;: red tokens raise its score, blue ones lower it. Integrated gradients (%2 steps, %3 baseline) add up to the score&apos;s change from the baseline within %4.</source>
        <translation>类别 &lt;b&gt;%1&lt;/b&gt; 的显著性：红色词元提高其得分，蓝色词元降低其得分。积分梯度（%2 步，%3 基线）之和与得分相对基线的变化相差不超过 %4。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The explanation has %1 tokens, the recorded attention %2: colours are not shown.</source>
        <translation>解释有 %1 个词元，记录的注意力有 %2 个：不显示颜色。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No saliency: %1</source>
        <translation>无显著性：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saliency needs a project saved to a file.</source>
        <translation>显著性需要已保存为文件的项目。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Computing the saliency in the background…</source>
        <translation>正在后台计算显著性…</translation>
    </message>
</context>
<context>
    <name>TopicsView</name>
    <message>
        <location filename="../../ui/analytics/topicsview.cpp" line="+48"/>
        <source>Find topics</source>
        <translation>发现主题</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export table CSV...</source>
        <translation>导出表格 CSV...</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export chart...</source>
        <translation>导出图表...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>k-means on embeddings</source>
        <translation>基于嵌入的 k-means</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>density (DBSCAN, outliers allowed)</source>
        <translation>密度聚类（DBSCAN，允许离群点）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LDA (Gibbs sampling)</source>
        <translation>LDA（Gibbs 采样）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Number of topics; auto picks 2 to 12 by silhouette. Density finds its own number.</source>
        <translation>主题数；“自动”按轮廓系数在 2 到 12 之间选择。密度聚类自行确定数量。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The label task the topics are stored under (one label per post)</source>
        <translation>保存主题所用的标签任务（每个帖子一个标签）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Replace labels not written by topics</source>
        <translation>替换非主题写入的标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hour</source>
        <translation>小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>day</source>
        <translation>天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>week</source>
        <translation>周</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Topics (k)</source>
        <translation>主题数 (k)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Embedding</source>
        <translation>嵌入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label task</source>
        <translation>标签任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Posts</source>
        <translation>帖子</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>NPMI</source>
        <translation>NPMI</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Top terms</source>
        <translation>高频词</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Representative posts of the selected topic</source>
        <translation>所选主题的代表性帖子</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Topic sizes over time, per</source>
        <translation>主题规模随时间变化，每</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Export topics</source>
        <translation>导出主题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+6"/>
        <source>Cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG (*.png);;SVG (*.svg);;PDF (*.pdf);;CSV (*.csv)</source>
        <translation>PNG (*.png);;SVG (*.svg);;PDF (*.pdf);;CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1...</source>
        <translation>%1...</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n topic(s) stored as label task &apos;%1&apos;</source>
        <translation>
            <numerusform>%n 个主题已保存为标签任务“%1”</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Showing the stored topics of &apos;%1&apos;</source>
        <translation>显示“%1”中已保存的主题</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cancelled; the stored topics are unchanged</source>
        <translation>已取消；已保存的主题未改变</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>LSA (TF-IDF, randomized SVD)</source>
        <translation>LSA（TF-IDF，随机 SVD）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>word vectors of run %1</source>
        <translation>运行 %1 的词向量</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Open a project and pick a dataset with posts first</source>
        <translation>请先打开项目并选择一个有帖子的数据集</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Reading posts...</source>
        <translation>正在读取帖子...</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Topics stored as label task &apos;%1&apos;, but not listed as an analysis: %2</source>
        <translation>主题已保存为标签任务“%1”，但未列为分析：%2</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Cannot show analysis %1: %2</source>
        <translation>无法显示分析 %1：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it is not a topics result</source>
        <translation>它不是主题分析结果</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Stored analysis %1: %2</source>
        <translation>已保存的分析 %1：%2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>label task &apos;%1&apos; now holds another model, so sizes over time are not shown</source>
        <translation>标签任务“%1”现在保存的是另一个模型，因此不显示随时间变化的规模</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No topics stored under this task yet</source>
        <translation>此任务下尚未保存主题</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 topics by %2</source>
        <translation>%1 个主题（%2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> on %1</source>
        <translation>，基于%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, mean NPMI %1</source>
        <translation>，平均 NPMI %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>, %n post(s) in no topic</source>
        <translation>
            <numerusform>，%n 个帖子不属于任何主题</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>posts</source>
        <translation>帖子</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>post %1</source>
        <translation>帖子 %1</translation>
    </message>
</context>
<context>
    <name>TrainingDashboard</name>
    <message>
        <location filename="../../ui/training/trainingdashboard.cpp" line="+54"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validation metric</source>
        <translation>验证指标</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+129"/>
        <location line="+124"/>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location line="-251"/>
        <source>Automatic (CUDA when present)</source>
        <translation>自动（有 CUDA 时使用）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train the configuration of the Models tab</source>
        <translation>训练“模型”标签页中的配置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>While paused: run one optimisation step</source>
        <translation>暂停时：执行一个优化步</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>keep</source>
        <translation>保持</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate from the resumed step on (0: keep the schedule). The change is recorded with the run and shows in its learning-rate curve.</source>
        <translation>从恢复的那一步起使用的学习率（0：沿用原计划）。此更改随运行一起记录，并显示在其学习率曲线中。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Smoothing (exponential moving average) of the drawn curves</source>
        <translation>所绘曲线的平滑（指数移动平均）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Learning rate on resume</source>
        <translation>继续时的学习率</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Smoothing</source>
        <translation>平滑</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Paused at step %1.</source>
        <translation>已在第 %1 步暂停。</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No model is configured.</source>
        <translation>尚未配置模型。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The configuration is not valid: %1</source>
        <translation>配置无效：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open a project first.</source>
        <translation>请先打开项目。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A run is already training.</source>
        <translation>已有运行正在训练。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Starting the worker...</source>
        <translation>正在启动工作进程...</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Resuming with learning rate %1 from step %2.</source>
        <translation>从第 %2 步以学习率 %1 继续。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Run %1 is training on %2.</source>
        <translation>运行 %1 正在 %2 上训练。</translation>
    </message>
    <message>
        <location line="-112"/>
        <location line="+125"/>
        <source>train loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location line="-124"/>
        <location line="+134"/>
        <source>valid loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <location line="-129"/>
        <location line="+131"/>
        <source>valid %1</source>
        <translation>验证 %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Run %1 %2 after %3 steps.</source>
        <translation>运行 %1 在 %3 步后%2。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> Test accuracy %1, macro-F1 %2.</source>
        <translation>测试准确率 %1，宏 F1 %2。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Run %1 failed: %2</source>
        <translation>运行 %1 失败：%2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Training failed: %1</source>
        <translation>训练失败：%1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Run %1 (%2), the project&apos;s latest, as it recorded its curves. Press Start for a new run.</source>
        <translation>运行 %1（%2），本项目最近的一次运行，曲线为其记录的数据。点击“开始”进行新的运行。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No run yet: choose a model and its settings on the Models tab, then press Start.</source>
        <translation>尚无运行：请在“模型”标签页选择模型及其设置，然后点击“开始”。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>run %1</source>
        <translation>运行 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>step %1 / %2 (epoch %3)</source>
        <translation>第 %1 / %2 步（第 %3 轮）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 samples/s</source>
        <translation>%1 样本/秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>elapsed %1</source>
        <translation>已用 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ETA %1</source>
        <translation>预计剩余 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>lr %1</source>
        <translation>学习率 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>memory %1</source>
        <translation>内存 %1</translation>
    </message>
</context>
<context>
    <name>TrendsView</name>
    <message>
        <location filename="../../ui/analytics/trendsview.cpp" line="+45"/>
        <source>Show trends</source>
        <translation>显示趋势</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export chart...</source>
        <translation>导出图表...</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export bursts CSV...</source>
        <translation>导出爆发 CSV...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>hashtags</source>
        <translation>话题标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>terms</source>
        <translation>词语</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>label task values</source>
        <translation>标签任务取值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hour</source>
        <translation>小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>day</source>
        <translation>天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>week</source>
        <translation>周</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Count</source>
        <translation>统计</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>per</source>
        <translation>每</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>top</source>
        <translation>前</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>posts</source>
        <translation>帖子</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Key</source>
        <translation>项</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Peak</source>
        <translation>峰值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Intensity</source>
        <translation>强度</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Posts</source>
        <translation>帖子</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Bursts (Kleinberg)</source>
        <translation>爆发（Kleinberg）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Most engaging posts of the selected burst</source>
        <translation>所选爆发中互动最多的帖子</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Export trends</source>
        <translation>导出趋势</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG (*.png);;SVG (*.svg);;PDF (*.pdf);;CSV (*.csv)</source>
        <translation>PNG (*.png);;SVG (*.svg);;PDF (*.pdf);;CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+6"/>
        <source>Cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Export bursts</source>
        <translation>导出爆发</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1...</source>
        <translation>%1...</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (not stored: %2)</source>
        <translation>%1（未保存：%2）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Open a project first</source>
        <translation>请先打开项目</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Pick a label task to count</source>
        <translation>请选择要统计的标签任务</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Counting...</source>
        <translation>正在计数...</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Cannot show analysis %1: %2</source>
        <translation>无法显示分析 %1：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it is not a trends result</source>
        <translation>它不是趋势分析结果</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Stored analysis %1: %2</source>
        <translation>已保存的分析 %1：%2</translation>
    </message>
    <message numerus="yes">
        <location line="+80"/>
        <source>%n key(s) over %1 buckets, %2 burst(s)</source>
        <translation>
            <numerusform>%n 项，%1 个时间段，%2 次爆发</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>[engagement %1] %2  %3</source>
        <translation>[互动 %1] %2  %3</translation>
    </message>
</context>
<context>
    <name>UserProfileView</name>
    <message>
        <location filename="../../ui/analytics/userprofileview.cpp" line="-42"/>
        <source>users with a similar history have it</source>
        <translation>历史相似的用户拥有它</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>similar to items this user interacted with</source>
        <translation>与该用户交互过的物品相似</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>shares terms: %1</source>
        <translation>共有词语：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>popular: %n user(s)</source>
        <translation>
            <numerusform>热门：%n 个用户</numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 (%2): %3</source>
        <translation>%1（%2）：%3</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Show profile</source>
        <translation>显示画像</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Privacy: pseudonyms only</source>
        <translation>隐私：仅显示假名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export features CSV...</source>
        <translation>导出特征 CSV...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show in projector</source>
        <translation>在投影器中显示</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The dataset&apos;s users as points in the embedding projector (their TF-IDF vectors reduced by LSA), with this user selected</source>
        <translation>在嵌入投影器中将数据集的用户显示为点（其 TF-IDF 向量经 LSA 降维），并选中此用户</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>user: source id, name, pseudonym or number</source>
        <translation>用户：来源 ID、名称、假名或编号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Likes</source>
        <translation>点赞</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shares</source>
        <translation>转发</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>hour</source>
        <translation>小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>day</source>
        <translation>天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>week</source>
        <translation>周</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Label tasks summarised in the profile and written as feature columns (none checked: every task in the profile, none in the features)</source>
        <translation>在画像中汇总并写为特征列的标签任务（均未勾选：画像包含所有任务，特征不含任何任务）</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+1"/>
        <source>posts</source>
        <translation>帖子</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>activity per</source>
        <translation>活动量，每</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Labels of the user&apos;s posts</source>
        <translation>该用户帖子的标签</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Newest posts</source>
        <translation>最新帖子</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Writes most alike (click to open)</source>
        <translation>写作最相似的用户（点击打开）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recommended next (newest recommender run)</source>
        <translation>接下来推荐（最新的推荐运行）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Label tasks</source>
        <translation>标签任务</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Export user features</source>
        <translation>导出用户特征</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+221"/>
        <source>Characteristic terms: %1</source>
        <translation>特征词：%1</translation>
    </message>
    <message>
        <location line="-218"/>
        <source>Not stored: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>Wrote %n user(s) to %1</source>
        <translation>
            <numerusform>已将 %n 个用户写入 %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+114"/>
        <location line="+213"/>
        <source>Open a project first</source>
        <translation>请先打开项目</translation>
    </message>
    <message>
        <location line="-196"/>
        <source>Profiling...</source>
        <translation>正在生成画像...</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Cannot show analysis %1: %2</source>
        <translation>无法显示分析 %1：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it is not a profile</source>
        <translation>它不是用户画像</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Stored analysis %1</source>
        <translation>已保存的分析 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stored analysis %1: %2</source>
        <translation>已保存的分析 %1：%2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Pick a user to see their profile</source>
        <translation>选择一个用户以查看其画像</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%1 (#%2): %n post(s)</source>
        <translation>
            <numerusform>%1（#%2）：%n 个帖子</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>first post %1, last post %2</source>
        <translation>首帖 %1，末帖 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>received %1 likes, %2 shares, %3 replies (per post %4, %5, %6)</source>
        <translation>收到 %1 次点赞、%2 次转发、%3 条回复（每帖 %4、%5、%6）</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n interaction(s)</source>
        <translation>
            <numerusform>%n 条互动</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1  (%2)</source>
        <translation>%1  （%2）</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Writing user features...</source>
        <translation>正在写入用户特征...</translation>
    </message>
</context>
<context>
    <name>VideoStrip</name>
    <message>
        <location filename="../../ui/data/videostrip.cpp" line="+111"/>
        <source>Reading the clip&apos;s frames…</source>
        <translation>正在读取视频片段的帧…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Cannot show the clip&apos;s frames: %1</source>
        <translation>无法显示视频片段的帧：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n frame(s) spread over %1 s</source>
        <translation>
            <numerusform>%n 帧，分布在 %1 秒内</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WorkerProcess</name>
    <message>
        <location filename="../../ui/training/workerprocess.cpp" line="+61"/>
        <source>the workbench closed while the run was training</source>
        <translation>运行训练期间工作台已关闭</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>a run is already training</source>
        <translation>已有运行正在训练</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot write the run config: %1</source>
        <translation>无法写入运行配置：%1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>cannot start the worker %1: %2</source>
        <translation>无法启动工作进程 %1：%2</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>the worker crashed</source>
        <translation>工作进程崩溃</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the worker exited with code %1 without finishing the run</source>
        <translation>工作进程以退出码 %1 退出，运行未完成</translation>
    </message>
</context>
<context>
    <name>WorkerRequest</name>
    <message>
        <location filename="../../ui/common/workerrequest.cpp" line="+13"/>
        <source>the worker ended with code %1: %2</source>
        <translation>工作进程以代码 %1 结束：%2</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>cannot start %1: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../app/gui/main.cpp" line="+49"/>
        <source>Chorus: a deep-learning workbench for social-media data</source>
        <translation>Chorus：面向社交媒体数据的深度学习工作台</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Project file (*.chorus); the demo project when omitted.</source>
        <translation>项目文件 (*.chorus)；省略时打开演示项目。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Render the window to FILE (PNG) once shown, then quit.</source>
        <translation>窗口显示后将其渲染到 FILE（PNG），然后退出。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Render every tab of the window to DIR/NN-tab.png (the newest finished run selected), then quit.</source>
        <translation>将窗口的每个标签页渲染到 DIR/NN-tab.png（选中最新完成的运行），然后退出。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Cannot open project</source>
        <translation>无法打开项目</translation>
    </message>
</context>
</TS>
